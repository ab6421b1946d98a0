package fetch

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
)

// robotsRules are the rules of one robots.txt that apply to echotrace.
type robotsRules struct {
	rules       []robotsRule
	crawlDelay  time.Duration
	disallowAll bool // the file could not be fetched for a server or network error
	// unreachable is why the file could not be fetched: the network error
	// (a failed DNS lookup, a refused connection) or the server's status.
	unreachable error
}

type robotsRule struct {
	allow   bool
	pattern string
}

// parseRobots reads a robots.txt (RFC 9309) and keeps the group for the
// most specific user agent that matches agent (case-insensitive product
// token), else the "*" group. Crawl-delay, a common extension, is kept.
func parseRobots(r io.Reader, agent string) robotsRules {
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(io.LimitReader(r, 512<<10)) // RFC 9309 asks crawlers to read at least 500 KiB
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch k {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(v))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil {
				continue
			}
			if v == "" {
				continue // an empty Disallow allows everything
			}
			cur.rules = append(cur.rules, robotsRule{allow: k == "allow", pattern: v})
		case "crawl-delay":
			inAgents = false
			if cur != nil {
				if s, err := strconv.ParseFloat(v, 64); err == nil && s > 0 {
					cur.delay = time.Duration(s * float64(time.Second))
				}
			}
		default:
			inAgents = false
		}
	}
	var best *group
	bestLen := -1
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*" && bestLen < 0:
				best, bestLen = g, 0
			case a != "*" && a != "" && strings.Contains(agent, a) && len(a) > bestLen:
				best, bestLen = g, len(a)
			}
		}
	}
	if best == nil {
		return robotsRules{}
	}
	return robotsRules{rules: best.rules, crawlDelay: best.delay}
}

// allowed says whether the path (with query) may be fetched: the longest
// matching rule decides, Allow winning a tie; no matching rule allows.
func (r robotsRules) allowed(path string) bool {
	if r.disallowAll {
		return false
	}
	if path == "" {
		path = "/"
	}
	bestLen, allow := -1, true
	for _, rule := range r.rules {
		if robotsMatch(rule.pattern, path) {
			l := len(rule.pattern)
			if l > bestLen || l == bestLen && rule.allow {
				bestLen, allow = l, rule.allow
			}
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern, where "*" is any run of
// characters and a final "$" anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i, p := range parts[1:] {
		if i == len(parts)-2 && anchored {
			return strings.HasSuffix(path[pos:], p)
		}
		j := strings.Index(path[pos:], p)
		if j < 0 {
			return false
		}
		pos += j + len(p)
	}
	return !anchored || pos == len(path)
}
