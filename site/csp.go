//go:build !wasm

package site

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// policy is the Content-Security-Policy of every page: everything from the
// page's own origin, no inline script or style, WebAssembly allowed to
// compile ('wasm-unsafe-eval' is the narrow CSP3 keyword for that; it does
// not allow eval), data: images only for the icons a browser may synthesise.
// Nothing the calculator does needs another origin, so a violation is a bug.
const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
	"worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// DefaultFrameAncestors lets only the calculator's own origin frame it. A
// firm embedding it in its site names its origins with -frame-ancestors.
const DefaultFrameAncestors = "'self'"

// ContentSecurityPolicy is the header smacalc serve sends. frame-ancestors
// only works as a header (browsers ignore it in <meta>): static hosts must
// send it themselves (README, "Deploying").
func ContentSecurityPolicy(frameAncestors string) string {
	if strings.TrimSpace(frameAncestors) == "" {
		frameAncestors = DefaultFrameAncestors
	}
	return policy + "; frame-ancestors " + frameAncestors
}

// securityHeaders are the headers on every response of smacalc serve:
// the Content-Security-Policy with frameAncestors, nosniff (a file is read
// as the type it is sent as, never sniffed), no referrer, a browsing
// context of its own (Cross-Origin-Opener-Policy), and X-Frame-Options for
// browsers without CSP's frame-ancestors when the policy can say it there
// ('self' is SAMEORIGIN, 'none' DENY; a list of a firm's origins has no
// X-Frame-Options form, and CSP3 browsers ignore X-Frame-Options when
// frame-ancestors is present).
func securityHeaders(frameAncestors string) [][2]string {
	headers := [][2]string{
		{"Content-Security-Policy", ContentSecurityPolicy(frameAncestors)},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "no-referrer"},
		{"Cross-Origin-Opener-Policy", "same-origin"},
	}
	switch strings.Join(strings.Fields(frameAncestors), " ") {
	case "", DefaultFrameAncestors:
		headers = append(headers, [2]string{"X-Frame-Options", "SAMEORIGIN"})
	case "'none'":
		headers = append(headers, [2]string{"X-Frame-Options", "DENY"})
	}
	return headers
}

// headerBlock writes headers as HTTP/1.1 header lines.
func headerBlock(headers [][2]string) []byte {
	var b strings.Builder
	for _, h := range headers {
		b.WriteString(h[0] + ": " + h[1] + "\r\n")
	}
	return []byte(b.String())
}

// ValidFrameAncestors checks a frame-ancestors source list: 'self', 'none',
// or origins such as https://example.com (a scheme is required, so a typo
// cannot silently open the calculator to every site).
func ValidFrameAncestors(list string) error {
	for _, source := range strings.Fields(list) {
		switch {
		case source == "'self'" || source == "'none'":
		case strings.HasPrefix(source, "https://") || strings.HasPrefix(source, "http://"):
			if err := checkOrigin(source); err != nil {
				return fmt.Errorf("frame-ancestors: %q: %w", source, err)
			}
		default:
			return fmt.Errorf("frame-ancestors: %q: use 'self', 'none' or origins like https://example.com", source)
		}
	}
	return nil
}

// checkOrigin checks one origin of a frame-ancestors list against the
// host-source grammar of CSP Level 3 (§2.3.1: host-part is "*" or labels of
// ALPHA / DIGIT / "-", port-part is digits) and against what an origin can
// be: no wildcard (https://* would let every site frame the calculator),
// no user, path, query or fragment, a port from 1 to 65535. Browsers drop
// a source that does not parse without saying so, and the calculator then
// refuses to be framed by the firm's site: hence an error here, naming
// the fix (the punycode form of an internationalised host).
func checkOrigin(source string) error {
	const like = "give an origin like https://firm.example or https://firm.example:8443"
	scheme, rest, _ := strings.Cut(source, "://")
	hostPort, path, hasPath := strings.Cut(rest, "/")
	if hasPath && path != "" {
		return fmt.Errorf("has a path (/%s); %s", path, like)
	}
	if strings.ContainsAny(hostPort, "*") {
		return fmt.Errorf("wildcards are refused; %s", like)
	}
	if strings.ContainsAny(hostPort, "@?#;,'\"\\[] \t") {
		return fmt.Errorf("is not an origin (no user, query, fragment, IPv6 literal or punctuation); %s", like)
	}
	host, port, hasPort := strings.Cut(hostPort, ":")
	if hasPort {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || port[0] == '0' || strings.Trim(port, "0123456789") != "" {
			return fmt.Errorf("port %q: a port is a number from 1 to 65535", port)
		}
	}
	if host == "" {
		return fmt.Errorf("has no host; %s", like)
	}
	if strings.IndexFunc(host, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
		suggestion := scheme + "://" + punycodeHost(host)
		if hasPort {
			suggestion += ":" + port
		}
		return fmt.Errorf("browsers ignore a host that is not ASCII here; give its punycode form: %s", suggestion)
	}
	if len(host) > 253 {
		return fmt.Errorf("host is longer than 253 characters")
	}
	for _, label := range strings.Split(host, ".") {
		switch {
		case label == "":
			return fmt.Errorf("host %q has an empty label; %s", host, like)
		case len(label) > 63:
			return fmt.Errorf("host %q has a label longer than 63 characters", host)
		case strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-"):
			return fmt.Errorf("host %q has a label starting or ending with '-'", host)
		case strings.IndexFunc(label, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-')
		}) >= 0:
			return fmt.Errorf("host %q: only letters, digits, '-' and '.'; %s", host, like)
		}
	}
	return nil
}

// punycodeHost writes each non-ASCII label of host in its ASCII form,
// "xn--" and the label's Punycode (RFC 3492 §6.3, the parameters of §5),
// after lower-casing it: the form a browser sends for an internationalised
// domain name written in NFC (IDNA2008's mapping also normalises, which
// needs tables this project does not carry; the message says "punycode"
// so a user can check with their registrar).
func punycodeHost(host string) string {
	labels := strings.Split(host, ".")
	for i, label := range labels {
		label = strings.ToLower(label)
		if strings.IndexFunc(label, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
			label = "xn--" + punycode(label)
		}
		labels[i] = label
	}
	return strings.Join(labels, ".")
}

// punycode encodes one label (RFC 3492 §6.3).
func punycode(label string) string {
	const (
		base, tmin, tmax, skew, damp = 36, 1, 26, 38, 700
		initialBias, initialN        = 72, 128
	)
	digit := func(d int) byte {
		if d < 26 {
			return byte('a' + d)
		}
		return byte('0' + d - 26)
	}
	adapt := func(delta, points int, first bool) int {
		if first {
			delta /= damp
		} else {
			delta /= 2
		}
		delta += delta / points
		k := 0
		for delta > ((base-tmin)*tmax)/2 {
			delta /= base - tmin
			k += base
		}
		return k + (base-tmin+1)*delta/(delta+skew)
	}
	runes := []rune(label)
	var out []byte
	for _, r := range runes {
		if r <= unicode.MaxASCII {
			out = append(out, byte(r))
		}
	}
	basic := len(out)
	handled := basic
	if basic > 0 {
		out = append(out, '-')
	}
	n, delta, bias := initialN, 0, initialBias
	for handled < len(runes) {
		m := int(unicode.MaxRune) + 1
		for _, r := range runes {
			if int(r) >= n && int(r) < m {
				m = int(r)
			}
		}
		delta += (m - n) * (handled + 1)
		n = m
		for _, r := range runes {
			if int(r) < n {
				delta++
			}
			if int(r) != n {
				continue
			}
			q := delta
			for k := base; ; k += base {
				t := k - bias
				if t < tmin {
					t = tmin
				} else if t > tmax {
					t = tmax
				}
				if q < t {
					break
				}
				out = append(out, digit(t+(q-t)%(base-t)))
				q = (q - t) / (base - t)
			}
			out = append(out, digit(q))
			bias = adapt(delta, handled+1, handled == basic)
			delta = 0
			handled++
		}
		delta++
		n++
	}
	return string(out)
}

// metaPolicy is the <meta> element put first in every page's head, so that
// static hosts that send no header still apply the policy.
const metaPolicy = `<meta http-equiv="Content-Security-Policy" content="` + policy + `">`

// ValidBase checks a base path (BuildOptions.Base, -base): path segments
// of letters, digits and - . _ ~ only, none "." or "..". The base reaches
// every page's links and scripts as attribute values, which go-app writes
// with Go string quoting, and the service worker's scope.
func ValidBase(base string) error {
	trimmed := strings.Trim(strings.TrimSpace(base), "/")
	if trimmed == "" {
		return nil
	}
	for _, seg := range strings.Split(trimmed, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.IndexFunc(seg, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~", r))
		}) >= 0 {
			return fmt.Errorf("base %q: use a path like /tools/sma-calculator/ (letters, digits, - . _ ~)", base)
		}
	}
	return nil
}
