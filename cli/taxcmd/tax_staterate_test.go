package taxcmd

import (
	"strings"
	"testing"
)

// -staterate has the same cap as a scenario's staterate (issue 16,
// finding 7): a 100% state tax is a typo, not a scenario.
func TestTaxStateRateCap(t *testing.T) {
	for _, rate := range []string{"1", "1.0", "0.21", "0.200001"} {
		code, out, errOut := runTax("-staterate", rate)
		if code != 2 || out != "" || !strings.Contains(errOut, "-staterate") || !strings.Contains(errOut, "from 0 to 0.2") {
			t.Errorf("-staterate %s: exit %d, stdout %q, stderr %q", rate, code, out, errOut)
		}
	}
	if code, _, errOut := runTax("-staterate", "0.2"); code != 0 {
		t.Errorf("-staterate 0.2: exit %d, %s", code, errOut)
	}
}
