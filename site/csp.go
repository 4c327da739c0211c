//go:build !wasm

package site

import (
	"fmt"
	"net/url"
	"strings"
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

// ValidFrameAncestors checks a frame-ancestors source list: 'self', 'none',
// or origins such as https://example.com (a scheme is required, so a typo
// cannot silently open the calculator to every site).
func ValidFrameAncestors(list string) error {
	for _, source := range strings.Fields(list) {
		switch {
		case source == "'self'" || source == "'none'":
		case strings.HasPrefix(source, "https://") || strings.HasPrefix(source, "http://"):
			// One origin: no wildcard (https://* would let every site
			// frame the calculator), no user, path, query or fragment.
			u, err := url.Parse(source)
			if err != nil || strings.ContainsAny(source, ";,'\"*\\") || u.Hostname() == "" || u.User != nil ||
				(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(source, "?") {
				return fmt.Errorf("frame-ancestors: %q is not an origin like https://example.com (no wildcards)", source)
			}
		default:
			return fmt.Errorf("frame-ancestors: %q: use 'self', 'none' or origins like https://example.com", source)
		}
	}
	return nil
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
