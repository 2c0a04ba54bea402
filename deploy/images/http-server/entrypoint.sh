#!/bin/sh
# HTTP test server: GET / answers 200, /files/* is served from /testfiles. Port from $PORT.
# Extra arguments are run as a command instead, so the image can also serve as a shell for CMD checks.
if [ "$#" -gt 0 ]; then exec "$@"; fi
echo "http-server: listening on port ${PORT:-8000}"
exec /bin/busybox httpd -f -v -p "${PORT:-8000}" -h /www
