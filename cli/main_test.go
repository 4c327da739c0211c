//go:build !wasm

package cli

import (
	"bytes"
	"strings"
	"testing"

	"smacalc/cli/taxcmd"
)

// `smacalc tax …` is the tax command of package taxcmd, to the byte and the
// exit status, for a good command line, its help and a bad flag.
func TestMainDispatchesTax(t *testing.T) {
	for _, line := range []string{"-year 2026 -wages 60000 -ltcg 20000 -state CA", "-h", "-wages -1"} {
		args := strings.Fields(line)
		var out, errOut, wantOut, wantErr bytes.Buffer
		code := Main(append([]string{"tax"}, args...), &out, &errOut)
		want := taxcmd.Run(args, &wantOut, &wantErr)
		if code != want || out.String() != wantOut.String() || errOut.String() != wantErr.String() {
			t.Errorf("smacalc tax %s: exit %d, stdout %q, stderr %q; taxcmd.Run: exit %d, stdout %q, stderr %q",
				line, code, out.String(), errOut.String(), want, wantOut.String(), wantErr.String())
		}
		if out.Len() == 0 && errOut.Len() == 0 {
			t.Errorf("smacalc tax %s printed nothing", line)
		}
	}
}
