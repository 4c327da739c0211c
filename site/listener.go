//go:build !wasm

package site

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"sync/atomic"
)

// ConnLimits caps the connections smacalc serve holds open at once.
//
// Without a cap, a client opening thousands of connections and trickling
// their headers exhausted the process's file descriptors ("accept4: too
// many open files"), and every other visitor waited (issue 25, item 10).
// With it, the server never holds more than Total connections (Accept
// waits for one to close: further clients queue in the kernel, costing
// the process nothing), and one client address never holds more than
// PerClient: its further connections are closed as soon as they are
// accepted, so it cannot take the slots of the others. A connection that
// sends no complete request header within ReadHeaderTimeout is closed, so
// a slot held by a trickling client comes back.
type ConnLimits struct {
	// Total is the most connections open at once; 0: DefaultMaxConns.
	Total int
	// PerClient is the most connections open at once from one client
	// address (an IPv4 address, or an IPv6 /64, which one host commonly
	// has whole); 0: no per-client cap (behind a proxy, every connection
	// comes from the proxy's address).
	PerClient int
}

// Default limits of smacalc serve. A browser opens at most 6 connections
// to a host over HTTP/1.1, so 64 a client leaves room for a household or
// an office behind one address; 1024 connections need about 2,048 file
// descriptors (each connection's socket and the file it is sending), which
// fileLimit checks.
const (
	DefaultMaxConns          = 1024
	DefaultMaxConnsPerClient = 64
)

// totalConns is limits.Total, or its default, lowered to what the
// process's file-descriptor limit allows (two a connection, 64 kept for
// the rest of the process).
func (limits ConnLimits) totalConns() int {
	total := limits.Total
	if total <= 0 {
		total = DefaultMaxConns
	}
	if files := fileLimit(); files > 0 {
		allowed := uint64(1)
		if files > 66 {
			allowed = (files - 64) / 2
		}
		if allowed < uint64(total) {
			total = int(allowed)
		}
	}
	return total
}

// guardedListener applies ConnLimits and hands out guardedConns.
type guardedListener struct {
	net.Listener
	slots     chan struct{} // one token for each open connection
	perClient int
	// headers is the security-header block put into the responses Go's
	// server writes itself (guardedConn.Write).
	headers []byte

	mu      sync.Mutex
	clients map[netip.Prefix]int

	done      chan struct{}
	closeOnce sync.Once

	// observe, when set (tests), is told of each decision: "admit",
	// "reject", "release", and "wait" when Accept waits for a slot.
	observe func(event string)
}

func guardListener(ln net.Listener, limits ConnLimits, headers []byte) *guardedListener {
	return &guardedListener{
		Listener:  ln,
		slots:     make(chan struct{}, limits.totalConns()),
		perClient: limits.PerClient,
		headers:   headers,
		clients:   map[netip.Prefix]int{},
		done:      make(chan struct{}),
	}
}

func (l *guardedListener) event(name string) {
	if l.observe != nil {
		l.observe(name)
	}
}

// Accept waits for a free slot, then accepts; a connection from a client
// already at its cap is closed at once and the next one is accepted.
func (l *guardedListener) Accept() (net.Conn, error) {
	for {
		select {
		case l.slots <- struct{}{}:
		default:
			l.event("wait")
			select {
			case l.slots <- struct{}{}:
			case <-l.done:
				return nil, net.ErrClosed
			}
		}
		c, err := l.Listener.Accept()
		if err != nil {
			<-l.slots
			return nil, err
		}
		client := clientOf(c.RemoteAddr())
		if !l.admit(client) {
			c.Close()
			<-l.slots
			l.event("reject")
			continue
		}
		l.event("admit")
		return &guardedConn{Conn: c, listener: l, client: client}, nil
	}
}

// admit counts a connection of client, unless it is at its cap.
func (l *guardedListener) admit(client netip.Prefix) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.perClient > 0 && l.clients[client] >= l.perClient {
		return false
	}
	l.clients[client]++
	return true
}

func (l *guardedListener) release(client netip.Prefix) {
	l.mu.Lock()
	if l.clients[client]--; l.clients[client] <= 0 {
		delete(l.clients, client)
	}
	l.mu.Unlock()
	<-l.slots
	l.event("release")
}

func (l *guardedListener) Close() error {
	l.closeOnce.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// clientOf is the address a connection counts against: the IPv4 address,
// or the /64 of an IPv6 one. An address that does not parse (not TCP)
// counts as one client.
func clientOf(addr net.Addr) netip.Prefix {
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return netip.Prefix{}
	}
	ip := ap.Addr().Unmap().WithZone("")
	bits := 32
	if ip.Is6() {
		bits = 64
	}
	p, _ := ip.Prefix(bits)
	return p
}

// guardedConn releases its slot when closed, and puts the security headers
// into the responses Go's net/http server writes to the connection itself,
// without calling the handler: 400 for a bad request line or a missing
// Host, 431 for headers over MaxHeaderBytes, 501 for an unknown transfer
// coding, 505 for an unsupported HTTP version, 417 for an unknown Expect
// (issue 25, item 9). net/http offers no hook for them (golang/go#27675);
// without the headers, such a page could be framed, or read as another
// type, where the site's own pages cannot.
//
// A response is Go's own when no handler has run since the connection was
// last idle: markHandled records the handler, the server's ConnState hook
// (StateIdle, after a response is flushed) clears the record. Go writes
// such a response as one Write starting with its status line; the headers
// go right after it. Every other write passes through unchanged.
type guardedConn struct {
	net.Conn
	listener  *guardedListener
	client    netip.Prefix
	handled   atomic.Bool
	closeOnce sync.Once
}

func (c *guardedConn) Write(p []byte) (int, error) {
	if c.handled.Load() || !bytes.HasPrefix(p, []byte("HTTP/1.")) {
		return c.Conn.Write(p)
	}
	end := bytes.Index(p, []byte("\r\n"))
	if end < 0 {
		return c.Conn.Write(p)
	}
	end += 2
	out := make([]byte, 0, len(p)+len(c.listener.headers))
	out = append(append(append(out, p[:end]...), c.listener.headers...), p[end:]...)
	if _, err := c.Conn.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// ReadFrom keeps sendfile for the files a handler sends, as on an
// unwrapped connection (net/http uses it when the connection is an
// io.ReaderFrom, after writing the response's header); only a handler
// sends a body this way, so nothing here needs the headers put in.
func (c *guardedConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(writerOnly{c}, r)
}

// writerOnly hides every method but Write (io.Copy would call ReadFrom).
type writerOnly struct{ io.Writer }

func (c *guardedConn) Close() error {
	err := c.Conn.Close()
	c.closeOnce.Do(func() { c.listener.release(c.client) })
	return err
}

type guardedConnKey struct{}

// connContext puts the guardedConn into the context of its requests
// (http.Server.ConnContext), for markHandled.
func connContext(ctx context.Context, c net.Conn) context.Context {
	if gc, ok := c.(*guardedConn); ok {
		return context.WithValue(ctx, guardedConnKey{}, gc)
	}
	return ctx
}

// connState clears a connection's handler record once its response is
// written and it waits for the next request (http.Server.ConnState).
func connState(c net.Conn, state http.ConnState) {
	if gc, ok := c.(*guardedConn); ok && state == http.StateIdle {
		gc.handled.Store(false)
	}
}

// markHandled records on the connection that a handler writes the
// response, whose headers the handler sets itself.
func markHandled(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if gc, ok := r.Context().Value(guardedConnKey{}).(*guardedConn); ok {
			gc.handled.Store(true)
		}
		h.ServeHTTP(w, r)
	})
}
