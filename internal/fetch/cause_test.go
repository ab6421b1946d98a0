package fetch

import (
	"errors"
	"net"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
)

func TestNetworkCause(t *testing.T) {
	dns := &url.Error{Op: "Get", URL: "http://nosuch.example/robots.txt", Err: &net.OpError{Op: "dial", Net: "tcp",
		Err: &net.DNSError{Err: "no such host", Name: "nosuch.example", IsNotFound: true}}}
	refused := &url.Error{Op: "Get", URL: "http://127.0.0.1:9/robots.txt", Err: &net.OpError{Op: "dial", Net: "tcp",
		Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}, Err: &os.SyscallError{Syscall: "connect", Err: syscall.ECONNREFUSED}}}
	for _, c := range []struct {
		err  error
		want string
	}{
		{dns, "no such host nosuch.example"},
		{refused, "connection refused by 127.0.0.1:9"},
	} {
		got := NetworkCause(c.err)
		if !strings.Contains(got.Error(), c.want) || strings.Contains(got.Error(), "robots.txt") {
			t.Errorf("NetworkCause(%v) = %q, want %q without the request", c.err, got, c.want)
		}
	}
	var de *net.DNSError
	if !errors.As(NetworkCause(dns), &de) || !errors.Is(NetworkCause(refused), syscall.ECONNREFUSED) {
		t.Error("the cause lost its error chain")
	}
}
