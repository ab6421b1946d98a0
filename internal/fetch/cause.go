package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"syscall"
)

// NetworkCause is the part of a failed request's error that says what
// went wrong on the network: the DNS lookup that found no such host, the
// connection the address refused. It drops the request wrapping (which
// names the URL, already known to the caller) but keeps the error chain,
// so errors.As still finds *net.DNSError or *net.OpError.
func NetworkCause(err error) error {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		if dns.IsNotFound {
			return fmt.Errorf("no such host %s (DNS lookup failed): %w", dns.Name, dns)
		}
		return fmt.Errorf("DNS lookup of %s failed: %w", dns.Name, dns)
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		var op *net.OpError
		if errors.As(err, &op) && op.Addr != nil {
			return fmt.Errorf("connection refused by %s: %w", op.Addr, op)
		}
		return fmt.Errorf("connection refused: %w", err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
