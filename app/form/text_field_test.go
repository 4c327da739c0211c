package form

import "testing"

// TestTextFieldKeepsWhatIsTyped: the store's value lags a keystroke behind
// on a busy machine; only a value nobody typed is written into the input.
func TestTextFieldKeepsWhatIsTyped(t *testing.T) {
	f := &textField{Value: "1000000"}
	f.OnInit()
	for _, typed := range []string{"2", "25", "250", "2500", "25000", "250000"} {
		f.see(typed)
	}
	for _, echo := range []string{"2500", "25000", "250000"} {
		f.Value = echo
		if f.fromOutside() {
			t.Errorf("the store's echo %q of a keystroke would overwrite %q", echo, f.typed)
		}
	}
	// Enter: the settled amount comes back grouped, which nobody typed.
	f.Value = "250,000"
	if !f.fromOutside() {
		t.Fatal("the grouped amount is not written into the input")
	}
	f.typed, f.echoes = f.Value, nil // as OnUpdate does
	// A share link or removed lots set a value typed before the last
	// outside change: it is written.
	f.Value = "25000"
	if !f.fromOutside() {
		t.Error("a value from outside equal to an earlier keystroke is not written")
	}
}
