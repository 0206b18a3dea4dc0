#!/usr/bin/env python3
"""Load on a SPARQL endpoint: N concurrent clients, each on its own
keep-alive connection, run the given queries round-robin for a fixed time.

Usage: serve_load.py URL DURATION_S CLIENTS QUERY.rq [QUERY.rq ...]

Every answer must be 200 with a SPARQL JSON body holding results; anything
else (status, bad body, connection error) counts as an error. Prints one
line per query and a total line: requests, errors, requests/s, and the
median and 99th-percentile latency in milliseconds (nearest rank). Exits 1
when there was any error.
"""
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    rank = max(1, round(fraction * len(sorted_values) + 0.5))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def client(host, port, path, queries, offset, stop_at, latencies, errors, lock):
    connection = http.client.HTTPConnection(host, port, timeout=120)
    i = offset
    while time.monotonic() < stop_at:
        name, body = queries[i % len(queries)]
        i += 1
        started = time.perf_counter()
        try:
            connection.request(
                "POST",
                path,
                body=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json",
                },
            )
            response = connection.getresponse()
            data = response.read()
            elapsed = (time.perf_counter() - started) * 1000
            ok = response.status == 200 and "results" in json.loads(data)
        except Exception as error:  # any failure is counted, then a new connection
            elapsed, ok = None, False
            data = str(error).encode()
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=120)
        with lock:
            if ok:
                latencies.setdefault(name, []).append(elapsed)
            else:
                errors.append((name, data[:200]))
    connection.close()


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    url, duration, clients = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    parsed = urllib.parse.urlparse(url)
    queries = []
    for path in sys.argv[4:]:
        name = path.rsplit("/", 1)[-1].removesuffix(".rq")
        with open(path) as f:
            queries.append((name, urllib.parse.urlencode({"query": f.read()})))
    latencies, errors, lock = {}, [], threading.Lock()
    stop_at = time.monotonic() + duration
    threads = [
        threading.Thread(
            target=client,
            args=(parsed.hostname, parsed.port, parsed.path or "/sparql", queries, n, stop_at, latencies, errors, lock),
        )
        for n in range(clients)
    ]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    everything = []
    print(f"{'query':<18}{'requests':>9}{'median ms':>11}{'p99 ms':>9}")
    for name, _ in queries:
        values = sorted(latencies.get(name, []))
        everything.extend(values)
        print(f"{name:<18}{len(values):>9}{statistics.median(values) if values else float('nan'):>11.1f}{percentile(values, 0.99):>9.1f}")
    everything.sort()
    print(
        f"{'all':<18}{len(everything):>9}{statistics.median(everything) if everything else float('nan'):>11.1f}"
        f"{percentile(everything, 0.99):>9.1f}"
    )
    print(f"clients {clients}, {wall:.1f} s, {len(everything) / wall:.1f} requests/s, errors {len(errors)}")
    for name, message in errors[:5]:
        print(f"error in {name}: {message!r}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
