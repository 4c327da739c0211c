package e2e

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"sync"
)

// cdpTraffic counts the DevTools messages between the test binary and
// chromium by method: commands sent, their responses and events received,
// with their bytes. SMACALC_CDP_TRAFFIC=1 turns it on (startChromium) and
// TestMain prints the table at the end: which domains flood the socket,
// to measure what a change of the tests' CDP use saves.
type cdpTraffic struct {
	mu      sync.Mutex
	pending map[string]string // command id → method, until its response
	count   map[string]int
	bytes   map[string]int
}

func newCDPTraffic() *cdpTraffic {
	return &cdpTraffic{pending: map[string]string{}, count: map[string]int{}, bytes: map[string]int{}}
}

// debugf is chromedp's protocol logger (WithDebugf): "-> %s" for a message
// sent, "<- %s" for one received, the JSON as []byte.
func (c *cdpTraffic) debugf(format string, args ...any) {
	if len(args) != 1 {
		return
	}
	msg, ok := args[0].([]byte)
	if !ok {
		return
	}
	method := jsonField(msg, `"method":"`)
	id := jsonNumber(msg, `"id":`)
	c.mu.Lock()
	defer c.mu.Unlock()
	var key string
	switch {
	case format == "-> %s":
		key = "-> " + method
		c.pending[id] = method
	case method != "":
		key = "<- event " + method
	default:
		key = "<- result " + c.pending[id]
		delete(c.pending, id)
	}
	c.count[key]++
	c.bytes[key] += len(msg)
}

func jsonField(msg []byte, prefix string) string {
	i := bytes.Index(msg, []byte(prefix))
	if i < 0 {
		return ""
	}
	rest := msg[i+len(prefix):]
	j := bytes.IndexByte(rest, '"')
	if j < 0 {
		return ""
	}
	return string(rest[:j])
}

func jsonNumber(msg []byte, prefix string) string {
	i := bytes.Index(msg, []byte(prefix))
	if i < 0 {
		return ""
	}
	rest := msg[i+len(prefix):]
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	return string(rest[:j])
}

// print writes the table, the most bytes first.
func (c *cdpTraffic) print(w io.Writer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.count))
	totalN, totalB := 0, 0
	for k := range c.count {
		keys = append(keys, k)
		totalN += c.count[k]
		totalB += c.bytes[k]
	}
	sort.Slice(keys, func(i, j int) bool { return c.bytes[keys[i]] > c.bytes[keys[j]] })
	fmt.Fprintf(w, "CDP traffic: %d messages, %d bytes\n", totalN, totalB)
	for _, k := range keys {
		fmt.Fprintf(w, "%8d %12d  %s\n", c.count[k], c.bytes[k], k)
	}
}
