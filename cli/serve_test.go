//go:build !wasm

package cli

import (
	"bytes"
	"strings"
	"testing"
)

// Bad -base and -frame-ancestors values are usage errors (exit 2) that
// name the flag, before anything is built or served (issue 16, finding 7).
func TestServeAndBuildRefuseBadFlags(t *testing.T) {
	for _, tc := range []struct {
		run  func(args []string, stdout, stderr *bytes.Buffer) int
		args []string
		want string
	}{
		{func(a []string, o, e *bytes.Buffer) int { return Serve(a, o, e) }, []string{"-frame-ancestors", "https://*"}, "frame-ancestors"},
		{func(a []string, o, e *bytes.Buffer) int { return Serve(a, o, e) }, []string{"-base", `/a"><meta http-equiv=refresh content=0>`}, "-base"},
		{func(a []string, o, e *bytes.Buffer) int { return Serve(a, o, e) }, []string{"-max-conns", "0"}, "-max-conns"},
		{func(a []string, o, e *bytes.Buffer) int { return Serve(a, o, e) }, []string{"-max-conns-per-client", "-1"}, "-max-conns-per-client"},
		{func(a []string, o, e *bytes.Buffer) int { return Build(a, o, e) }, []string{"-o", t.TempDir(), "-base", "/a b/"}, "-base"},
	} {
		var stdout, stderr bytes.Buffer
		if code := tc.run(tc.args, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%q: exit %d, stderr %q", tc.args, code, stderr.String())
		}
	}
}

// smacalc serve refuses a frame-ancestors origin a browser would drop, with
// the punycode form to give instead (issue 25, item 12).
func TestServeRefusesNonASCIIFrameAncestor(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Serve([]string{"-frame-ancestors", "https://fírm.example"}, &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "https://xn--frm-rma.example") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}
