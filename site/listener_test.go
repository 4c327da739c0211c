//go:build !wasm

package site

import (
	"bufio"
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// startServer serves a built site as Serve does, on 127.0.0.1 only, and
// reports the listener's decisions to observe (when not nil).
func startServer(t *testing.T, limits ConnLimits, observe func(string)) string {
	t.Helper()
	s := build(t, fakeWasm(t, "listen"), "v1")
	h := Handler(s.Dir, "").(*siteHandler)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gl := guardListener(ln, limits, headerBlock(h.headers))
	gl.observe = observe
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveOn(ctx, gl, h, log.New(io.Discard, "", 0)) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// dial connects to addr and writes request; the deadline only keeps a
// broken server from hanging the test (nothing is timed).
func dial(t *testing.T, addr, request string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(30 * time.Second))
	if _, err := io.WriteString(c, request); err != nil {
		t.Fatal(err)
	}
	return c
}

// checkAllHeaders fails unless h carries every security header once.
func checkAllHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	checkHeaders(t, what, h)
	for _, name := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy", "X-Frame-Options"} {
		if len(h.Values(name)) != 1 {
			t.Errorf("%s: %s given %d times: %v", what, name, len(h.Values(name)), h)
		}
	}
	if h.Get("X-Frame-Options") != "SAMEORIGIN" {
		t.Errorf("%s: X-Frame-Options %q", what, h.Get("X-Frame-Options"))
	}
}

// The responses Go's server writes itself, without calling the handler,
// carry the security headers too (issue 25, item 9): sent raw over TCP.
func TestServerOwnErrorsCarrySecurityHeaders(t *testing.T) {
	addr := startServer(t, ConnLimits{}, nil)
	for _, tc := range []struct {
		name, request string
		statuses      []int
	}{
		{"bad request line", "GARBAGE\r\n\r\n", []int{400}},
		{"missing Host", "GET / HTTP/1.1\r\n\r\n", []int{400}},
		{"header over MaxHeaderBytes", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 70<<10) + "\r\n\r\n", []int{431}},
		{"unknown transfer coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: bogus\r\n\r\n", []int{501}},
		{"unsupported version", "GET / HTTP/3.0\r\nHost: x\r\n\r\n", []int{505}},
		{"unknown expectation", "GET / HTTP/1.1\r\nHost: x\r\nExpect: bogus\r\n\r\n", []int{417}},
		{"bad request after a served one", "GET /missing HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n", []int{404, 200, 400}},
		{"served request", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", []int{200}},
	} {
		c := dial(t, addr, tc.request)
		r := bufio.NewReader(c)
		for _, status := range tc.statuses {
			resp, err := http.ReadResponse(r, nil)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != status {
				t.Errorf("%s: status %d, want %d", tc.name, resp.StatusCode, status)
			}
			checkAllHeaders(t, tc.name, resp.Header)
		}
		c.Close()
	}
}

// One client address holds at most PerClient connections: the next is
// closed unanswered while others are served (issue 25, item 10).
func TestServeCapsConnectionsPerClient(t *testing.T) {
	events := make(chan string, 64)
	addr := startServer(t, ConnLimits{Total: 16, PerClient: 3}, func(e string) { events <- e })
	expect := func(want string) {
		t.Helper()
		if got := <-events; got != want {
			t.Fatalf("listener event %q, want %q", got, want)
		}
	}
	const trickle = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " // a header never finished
	var held []net.Conn
	for range 3 {
		held = append(held, dial(t, addr, trickle))
		expect("admit")
	}
	over := dial(t, addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	expect("reject")
	if b, _ := io.ReadAll(over); len(b) != 0 {
		t.Errorf("a connection over the client's cap was answered: %q", b)
	}
	held[0].Close()
	expect("release")
	c := dial(t, addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	expect("admit")
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("after a connection closed: %v %v", resp, err)
	}
	resp.Body.Close()
}

// The server holds at most Total connections: Accept waits for one to
// close, then serves the waiting client (issue 25, item 10).
func TestServeCapsConnectionsInTotal(t *testing.T) {
	events := make(chan string, 64)
	addr := startServer(t, ConnLimits{Total: 3}, func(e string) { events <- e })
	expect := func(want string) {
		t.Helper()
		if got := <-events; got != want {
			t.Fatalf("listener event %q, want %q", got, want)
		}
	}
	var held []net.Conn
	for range 3 {
		held = append(held, dial(t, addr, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: "))
		expect("admit")
	}
	expect("wait") // the fourth Accept waits for a slot
	waiting := dial(t, addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	held[1].Close()
	expect("release")
	expect("admit")
	resp, err := http.ReadResponse(bufio.NewReader(waiting), nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("the waiting client: %v %v", resp, err)
	}
	resp.Body.Close()
	checkAllHeaders(t, "waiting client", resp.Header)
}

// fakeListener hands out the connections sent to it.
type fakeListener chan net.Conn

func (f fakeListener) Accept() (net.Conn, error) {
	c, ok := <-f
	if !ok {
		return nil, net.ErrClosed
	}
	return c, nil
}
func (f fakeListener) Close() error   { return nil }
func (f fakeListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }

// fromConn is one end of a pipe that says it comes from remote.
type fromConn struct {
	net.Conn
	remote string
}

func (c fromConn) RemoteAddr() net.Addr {
	return net.TCPAddrFromAddrPort(netip.MustParseAddrPort(c.remote))
}

// A client at its cap does not keep another client out (issue 25, item 10).
func TestGuardedListenerServesOtherClients(t *testing.T) {
	conns := make(fakeListener, 8)
	l := guardListener(conns, ConnLimits{Total: 8, PerClient: 2}, nil)
	var peers []net.Conn
	send := func(remote string) {
		server, client := net.Pipe()
		peers = append(peers, client)
		conns <- fromConn{server, remote}
	}
	defer func() {
		for _, p := range peers {
			p.Close()
		}
	}()
	for _, remote := range []string{"192.0.2.1:1000", "192.0.2.1:1001", "192.0.2.1:1002", "[2001:db8::1]:1", "[2001:db8::2]:2", "[2001:db8::3]:3", "198.51.100.7:80"} {
		send(remote)
	}
	var got []string
	var open []net.Conn
	for range 5 {
		c, err := l.Accept()
		if err != nil {
			t.Fatal(err)
		}
		open = append(open, c)
		got = append(got, c.RemoteAddr().String())
	}
	want := "192.0.2.1:1000 192.0.2.1:1001 [2001:db8::1]:1 [2001:db8::2]:2 198.51.100.7:80"
	if strings.Join(got, " ") != want {
		t.Errorf("accepted %s, want %s", strings.Join(got, " "), want)
	}
	peers[2].SetReadDeadline(time.Now().Add(30 * time.Second)) // against a hang only
	if _, err := peers[2].Read(make([]byte, 1)); err != io.EOF {
		t.Errorf("the third connection of 192.0.2.1 was not closed: %v", err)
	}
	open[0].Close()
	open[0].Close() // a second Close releases nothing more
	send("192.0.2.1:1003")
	c, err := l.Accept()
	if err != nil || c.RemoteAddr().String() != "192.0.2.1:1003" {
		t.Fatalf("after one of its connections closed: %v %v", c, err)
	}
	if n := l.clients[netip.MustParsePrefix("192.0.2.1/32")]; n != 2 {
		t.Errorf("192.0.2.1 counted %d connections, want 2", n)
	}
}

func TestClientOf(t *testing.T) {
	for addr, want := range map[string]string{
		"192.0.2.1:5":             "192.0.2.1/32",
		"[::ffff:192.0.2.1]:5":    "192.0.2.1/32",
		"[2001:db8::1]:5":         "2001:db8::/64",
		"[2001:db8::ffff:1]:7":    "2001:db8::/64",
		"[2001:db8:0:1::1]:5":     "2001:db8:0:1::/64",
		"[fe80::1%eth0]:5":        "fe80::/64",
		"[2001:db8:1:2:3::4]:443": "2001:db8:1:2::/64",
	} {
		ap := netip.MustParseAddrPort(addr)
		if got := clientOf(net.TCPAddrFromAddrPort(ap)); got.String() != want {
			t.Errorf("%s: %s, want %s", addr, got, want)
		}
	}
}
