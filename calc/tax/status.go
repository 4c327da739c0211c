package tax

import "fmt"

// Status is the filing status of a return (IRC §1(a)–(d), §2(b)).
// Its value indexes Table.Schedules.
type Status uint8

// The four filing statuses. A qualifying surviving spouse uses the
// married-filing-jointly schedule (§1(a), §2(a)), so it needs no status of
// its own.
const (
	Single Status = iota
	MarriedJoint
	MarriedSeparate
	HeadOfHousehold
)

// statusCount is the number of filing statuses, the length of the
// per-status arrays in a Table.
const statusCount = int(HeadOfHousehold) + 1

// StatusCodes lists the accepted filing-status codes in Status order.
func StatusCodes() []string { return []string{"single", "mfj", "mfs", "hoh"} }

// ParseStatus reads a filing-status code: "single", "mfj", "mfs" or "hoh".
func ParseStatus(s string) (Status, error) {
	switch s {
	case "single":
		return Single, nil
	case "mfj":
		return MarriedJoint, nil
	case "mfs":
		return MarriedSeparate, nil
	case "hoh":
		return HeadOfHousehold, nil
	}
	return 0, fmt.Errorf("unknown filing status %q: accepted single, mfj, mfs, hoh", s)
}

// String returns the status code that ParseStatus reads back.
func (s Status) String() string {
	switch s {
	case Single:
		return "single"
	case MarriedJoint:
		return "mfj"
	case MarriedSeparate:
		return "mfs"
	case HeadOfHousehold:
		return "hoh"
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

func (s Status) valid() bool { return s <= HeadOfHousehold }
