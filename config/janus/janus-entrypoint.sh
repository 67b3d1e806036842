#!/bin/sh
# Writes a minimal Janus configuration from the environment and runs Janus in the foreground.
# Required: JANUS_API_SECRET, JANUS_ADMIN_SECRET, JANUS_ROOM_ADMIN_KEY (the same values Parley gets as
# PARLEY_MEDIA_API_SECRET, PARLEY_MEDIA_ADMIN_SECRET, PARLEY_MEDIA_ROOM_ADMIN_KEY).
# Optional: JANUS_RTP_PORTS (default 20000-20200), JANUS_PUBLIC_IP (the address browsers reach, for 1:1 NAT),
# JANUS_HTTP_PORT (8088), JANUS_ADMIN_PORT (7088), JANUS_CONFIG_DIR (/run/janus).
set -eu
: "${JANUS_API_SECRET:?JANUS_API_SECRET is required}"
: "${JANUS_ADMIN_SECRET:?JANUS_ADMIN_SECRET is required}"
: "${JANUS_ROOM_ADMIN_KEY:?JANUS_ROOM_ADMIN_KEY is required}"
RTP_PORTS="${JANUS_RTP_PORTS:-20000-20200}"
CONF="${JANUS_CONFIG_DIR:-/run/janus}"
HTTP_PORT="${JANUS_HTTP_PORT:-8088}"
ADMIN_PORT="${JANUS_ADMIN_PORT:-7088}"
MODULES=/usr/lib/x86_64-linux-gnu/janus
mkdir -p "$CONF/plugins" "$CONF/transports" "$CONF/none"
# Only the VideoRoom plugin and the HTTP transport: no WebSocket transport, no demo plugins or rooms.
ln -sf "$MODULES/plugins/libjanus_videoroom.so" "$CONF/plugins/"
ln -sf "$MODULES/transports/libjanus_http.so" "$CONF/transports/"
NAT=""
if [ -n "${JANUS_PUBLIC_IP:-}" ]; then
  NAT="nat_1_1_mapping = \"$JANUS_PUBLIC_IP\""
fi
umask 077
cat > "$CONF/janus.jcfg" <<CFG
general: {
	configs_folder = "$CONF"
	plugins_folder = "$CONF/plugins"
	transports_folder = "$CONF/transports"
	events_folder = "$CONF/none"
	loggers_folder = "$CONF/none"
	debug_level = 4
	api_secret = "$JANUS_API_SECRET"
	admin_secret = "$JANUS_ADMIN_SECRET"
	session_timeout = 60
}
media: {
	rtp_port_range = "$RTP_PORTS"
}
nat: {
	ice_ignore_list = "vmnet"
	$NAT
}
events: {
	broadcast = false
}
CFG
cat > "$CONF/janus.transport.http.jcfg" <<CFG
general: {
	json = "compact"
	base_path = "/janus"
	http = true
	port = $HTTP_PORT
	https = false
}
admin: {
	admin_base_path = "/admin"
	admin_http = true
	admin_port = $ADMIN_PORT
	admin_https = false
}
CFG
cat > "$CONF/janus.plugin.videoroom.jcfg" <<CFG
general: {
	admin_key = "$JANUS_ROOM_ADMIN_KEY"
	lock_rtp_forward = true
}
CFG
exec janus -F "$CONF" -C "$CONF/janus.jcfg" -o
