#!/usr/bin/env bash
# The cluster test's databases, on this machine, with Debian's PostgreSQL tools (run as root):
#   up       a primary (port 5441) and a streaming replica of it (port 5442), both new clusters
#            named ghprimary and ghreplica next to the machine's own cluster, trust auth on
#            127.0.0.1; the database `gonghui` on the primary (the replica follows it)
#   stop-replica | start-replica | stop-all | start-all
#   down     stops and drops both clusters
# Ports are fixed so that a second run replaces the first run's clusters.
set -euo pipefail
VERSION="$(ls /etc/postgresql | sort -V | tail -1)"
PRIMARY_PORT="${GH_CLUSTER_PRIMARY_PORT:-5441}"
REPLICA_PORT="${GH_CLUSTER_REPLICA_PORT:-5442}"
ctl() { pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$@"; }
ready() {
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$1" && return 0
    sleep 0.5
  done
  echo "PostgreSQL on port $1 did not come up" >&2
  return 1
}
drop() { pg_dropcluster --stop "$VERSION" "$1" 2>/dev/null || true; }

case "${1:-}" in
  up)
    drop ghreplica
    drop ghprimary
    # initdb's default pg_hba.conf with --auth trust lets local TCP connect and replicate.
    pg_createcluster "$VERSION" ghprimary -p "$PRIMARY_PORT" \
      -o wal_level=replica -o max_wal_senders=5 -o fsync=off \
      -o synchronous_commit=off -o full_page_writes=off -o shared_buffers=64MB -- --auth=trust >/dev/null
    ctl ghprimary start
    ready "$PRIMARY_PORT"
    psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -qc 'create database gonghui'
    pg_createcluster "$VERSION" ghreplica -p "$REPLICA_PORT" \
      -o hot_standby=on -o fsync=off -o shared_buffers=64MB -- --auth=trust >/dev/null
    data="/var/lib/postgresql/$VERSION/ghreplica"
    rm -rf "${data:?}"/*
    # A copy of the primary that streams its WAL from then on (-R writes standby.signal and
    # primary_conninfo).
    runuser -u postgres -- pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$data" -R -X stream -c fast
    ctl ghreplica start
    ready "$REPLICA_PORT"
    ;;
  stop-replica) ctl ghreplica stop -m fast ;;
  start-replica) ctl ghreplica start && ready "$REPLICA_PORT" ;;
  stop-all)
    ctl ghreplica stop -m fast
    ctl ghprimary stop -m fast
    ;;
  start-all)
    ctl ghprimary start && ready "$PRIMARY_PORT"
    ctl ghreplica start && ready "$REPLICA_PORT"
    ;;
  down)
    drop ghreplica
    drop ghprimary
    ;;
  *)
    echo "usage: $0 up|stop-replica|start-replica|stop-all|start-all|down" >&2
    exit 2
    ;;
esac
