#!/usr/bin/env bash
# A throwaway PostgreSQL for the store's test suite.
#
#   source .ci/postgres.sh   exports ECHOTRACE_TEST_POSTGRES (a DSN) and
#                            stops the server and removes its files when the
#                            sourcing shell exits (chained to any EXIT trap)
#   .ci/postgres.sh          the same, but prints the export line and leaves
#                            the server running; stop it with
#                            .ci/postgres.sh stop DIR
#
# Installs PostgreSQL from Debian (apt-get) when it is missing, runs initdb
# in a temporary directory, and starts the server as a non-root user on
# 127.0.0.1 at a free port, with a trust login for that loopback address
# only. Durability settings are off: the server is thrown away after the
# tests, and the tests kill clients, never the server.

_echotrace_pg_bindir() {
	local b
	if b=$(command -v pg_ctl 2>/dev/null); then
		dirname "$(readlink -f "$b")"
		return 0
	fi
	b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1) || true
	if [ -n "$b" ] && [ -x "$b/pg_ctl" ]; then
		echo "$b"
	fi
}

# _echotrace_pg_as USER CMD... runs a command as USER (or as is, when USER
# is empty).
_echotrace_pg_as() {
	local user=$1
	shift
	local r
	# Every return names its status: under bash 5.2 a bare return inside
	# an EXIT trap returns the status the script failed with, not the
	# command's, which made the stop below take its failure branch and
	# leave the data folder behind.
	if [ -z "$user" ]; then
		"$@"
		return $?
	fi
	for r in "$(command -v runuser 2>/dev/null)" /usr/sbin/runuser /sbin/runuser; do
		if [ -n "$r" ] && [ -x "$r" ]; then
			"$r" -u "$user" -- "$@"
			return $?
		fi
	done
	su -s /bin/sh "$user" -c "$(printf '%q ' "$@")"
}

_echotrace_pg_port_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_echotrace_pg_start() {
	local bin user dir port tries
	bin=$(_echotrace_pg_bindir)
	if [ -z "$bin" ]; then
		echo "postgres.sh: installing PostgreSQL from Debian" >&2
		apt-get update -qq >&2 &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 ||
			{ echo "postgres.sh: could not install PostgreSQL" >&2; return 1; }
		bin=$(_echotrace_pg_bindir)
		[ -n "$bin" ] || { echo "postgres.sh: PostgreSQL installed but pg_ctl not found" >&2; return 1; }
	fi

	# PostgreSQL refuses to run as root.
	user=""
	if [ "$(id -u)" = 0 ]; then
		user=postgres
		if ! id "$user" >/dev/null 2>&1; then
			useradd --system --no-create-home --shell /usr/sbin/nologin "$user" ||
				{ echo "postgres.sh: cannot create user $user" >&2; return 1; }
		fi
	fi

	dir=$(mktemp -d "${TMPDIR:-/tmp}/echotrace-pg.XXXXXX") || return 1
	[ -z "$user" ] || chown "$user" "$dir"
	chmod 700 "$dir"
	if ! _echotrace_pg_as "$user" "$bin/initdb" -D "$dir/data" -U echotrace --auth=trust \
		-E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
		echo "postgres.sh: initdb failed:" >&2
		cat "$dir/initdb.log" >&2
		rm -rf "$dir"
		return 1
	fi

	for tries in 1 2 3 4 5 6 7 8; do
		port=$((20000 + RANDOM % 40000))
		_echotrace_pg_port_free "$port" || continue
		if _echotrace_pg_as "$user" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
			start >/dev/null; then
			break
		fi
		port=""
	done
	if [ -z "$port" ]; then
		echo "postgres.sh: the server did not start:" >&2
		tail -n 20 "$dir/server.log" >&2
		rm -rf "$dir"
		return 1
	fi
	if ! _echotrace_pg_as "$user" "$bin/psql" -q -h 127.0.0.1 -p "$port" -U echotrace -d postgres \
		-c "CREATE DATABASE echotrace_test" >/dev/null; then
		echo "postgres.sh: could not create the test database" >&2
		_echotrace_pg_as "$user" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
		rm -rf "$dir"
		return 1
	fi
	ECHOTRACE_TEST_POSTGRES="postgres://echotrace@127.0.0.1:$port/echotrace_test?sslmode=disable"
	ECHOTRACE_TEST_POSTGRES_DIR=$dir
	export ECHOTRACE_TEST_POSTGRES ECHOTRACE_TEST_POSTGRES_DIR
	_echotrace_pg_user=$user
	_echotrace_pg_bin=$bin
	echo "postgres.sh: PostgreSQL running at 127.0.0.1:$port (files in $dir)" >&2
}

# _echotrace_pg_stop [DIR] stops the server and removes its files. It runs
# from an EXIT trap, often after a failure under set -e: errexit is
# turned off here so that a failing stop cannot skip the removal.
_echotrace_pg_stop() {
	local dir=${1:-${ECHOTRACE_TEST_POSTGRES_DIR:-}} bin user
	set +e
	[ -n "$dir" ] && [ -d "$dir/data" ] || return 0
	bin=${_echotrace_pg_bin:-$(_echotrace_pg_bindir)}
	user=${_echotrace_pg_user-}
	if [ -z "${_echotrace_pg_bin:-}" ] && [ "$(id -u)" = 0 ]; then
		user=postgres
	fi
	_echotrace_pg_as "$user" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 ||
		_echotrace_pg_as "$user" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
	rm -rf "$dir"
	return 0
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
	# Sourced: start, and stop when the sourcing shell exits.
	_echotrace_pg_start || return 1
	_echotrace_pg_prev_trap=$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT\$//")
	# shellcheck disable=SC2064
	trap "_echotrace_pg_stop; ${_echotrace_pg_prev_trap}" EXIT
else
	set -euo pipefail
	case "${1:-start}" in
	start)
		_echotrace_pg_start
		echo "export ECHOTRACE_TEST_POSTGRES='$ECHOTRACE_TEST_POSTGRES'"
		echo "# stop with: $0 stop $ECHOTRACE_TEST_POSTGRES_DIR"
		;;
	stop)
		[ -n "${2:-}" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
		_echotrace_pg_stop "$2"
		;;
	*)
		echo "usage: $0 [start | stop DIR]" >&2
		exit 2
		;;
	esac
fi
