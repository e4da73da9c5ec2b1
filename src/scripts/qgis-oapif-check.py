#!/usr/bin/python3
"""Opens the dashboard's OGC API Features (/ogc) in QGIS's own OAPIF client, headless, and prints what QGIS reads
of each collection: valid or not, feature count, features iterated (paged), CRS, fields, extent.

    apt-get install python3-qgis qgis-providers          # Debian 12: QGIS 3.22
    /usr/bin/python3 src/scripts/qgis-oapif-check.py http://127.0.0.1:5080 district demo-district-2026 buildings grids

QGIS 3.22 has no authentication method that sends "Authorization: Bearer" (later releases have "API Header", the
one to use on a desk), so this script signs in itself and puts a loopback relay in front of the dashboard that adds
the header; QGIS talks to the relay. The relay rewrites the dashboard's own address in the answers (links) to its own.
"""
import http.server, json, os, sys, threading, urllib.error, urllib.request

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402


def bearer_token(base, user, password):
    request = urllib.request.Request(base + "/api/auth/token", json.dumps({"userName": user, "password": password}).encode(),
                                     {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))["accessToken"]


def start_relay(base, token):
    class Relay(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            upstream = urllib.request.Request(base + self.path, headers={"Authorization": "Bearer " + token, "Accept": self.headers.get("Accept", "*/*")})
            try:
                answer = urllib.request.urlopen(upstream)
            except urllib.error.HTTPError as refusal:
                answer = refusal
            body = answer.read().replace(base.encode(), relay_base.encode())
            self.send_response(answer.status)
            for name in ("Content-Type", "Content-Crs"):
                if answer.headers.get(name): self.send_header(name, answer.headers[name])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args): pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Relay)
    relay_base = f"http://127.0.0.1:{server.server_port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return relay_base


def main(base, user, password, *collections):
    relay = start_relay(base.rstrip("/"), bearer_token(base.rstrip("/"), user, password))
    app = QgsApplication([], False)
    app.initQgis()
    for name in collections or ("buildings", "grids", "hazards", "incidents"):
        layer = QgsVectorLayer(f"url='{relay}/ogc' typename='{name}' pageSize='1000'", name, "OAPIF")
        if not layer.isValid():
            print(f"{name}: not valid: {layer.error().summary()}")
            continue
        iterated = sum(1 for _ in layer.getFeatures())
        e = layer.extent()
        print(f"{name}: valid, featureCount {layer.featureCount()}, iterated {iterated}, {layer.crs().authid()}, "
              f"{len(layer.fields())} fields, extent {e.xMinimum():.4f} {e.yMinimum():.4f} {e.xMaximum():.4f} {e.yMaximum():.4f}")
    app.exitQgis()


if __name__ == "__main__":
    if len(sys.argv) < 4: sys.exit(__doc__)
    main(*sys.argv[1:])
