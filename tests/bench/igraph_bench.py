#!/usr/bin/env python3
"""Times python-igraph (C core, one thread) on the benchmark's graph.

Usage (tests/bench/run.ts calls it; see tests/bench/README.md):
    python3 igraph_bench.py EDGES_FILE N DIRECTED(0|1) METRIC[,METRIC...]

EDGES_FILE holds one tie per line, "source target" as 0-based node indices:
the simple metric graph already built by the benchmark (parallels merged,
self-loops dropped; a directed file lists both arcs of a mutual tie), so
igraph sees exactly the graph our kernels see. Graph construction is not
timed. run.ts sets OMP_NUM_THREADS=1: one thread (PRPACK is built with OpenMP,
and its threads spin-wait when the other core is busy: 50x slower here).
Repeats follow the benchmark's rule: one run; when it took under 2 s it
was a warm-up, and the median of at least 5 more counts, run until 0.5 s
has been measured (at most 50). Prints one JSON object:
{"igraph": version, "times": {metric: [ms, ...]}}.

Calls (igraph defaults otherwise):
  betweenness  g.betweenness(directed=D)                  exact Brandes
  closeness    g.closeness(mode="in")                     BFS per node
  eigenvector  g.eigenvector_centrality(directed=D)       ARPACK
  pagerank     g.pagerank(directed=D, damping=0.85)       PRPACK
  hits         g.hub_score()  (its C routine computes hubs and authorities together)
  louvain      g.community_multilevel()                   undirected only
  bfs          g.distances(source=0, mode="out")          one source
"""
import json
import sys
import time

import igraph

# Same rule as tests/bench/run.ts: one run; under 2 s it is a warm-up and the median of
# at least 5 more counts, run until 0.5 s has been measured (at most 50).
REPEAT_BELOW_MS = 2000.0
MIN_REPEATS = 5
MAX_REPEATS = 50
REPEAT_FOR_MS = 500.0


def main():
    path, n, directed, metrics = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4]
    edges = []
    with open(path) as f:
        for line in f:
            s, t = line.split()
            edges.append((int(s), int(t)))
    g = igraph.Graph(n=n, edges=edges, directed=directed)
    calls = {
        "betweenness": lambda: g.betweenness(directed=directed),
        "closeness": lambda: g.closeness(mode="in"),
        "eigenvector": lambda: g.eigenvector_centrality(directed=directed),
        "pagerank": lambda: g.pagerank(directed=directed, damping=0.85),
        "hits": lambda: g.hub_score(),
        "louvain": lambda: (g if not directed else g.as_undirected(mode="collapse")).community_multilevel(),
        "bfs": lambda: g.distances(source=0, mode="out"),
    }
    times = {}
    for name in metrics.split(","):
        if not name:
            continue
        start = time.perf_counter()
        calls[name]()
        runs = [(time.perf_counter() - start) * 1000.0]
        if runs[0] < REPEAT_BELOW_MS:  # a warm-up: the median of the runs after it counts
            runs = []
            while len(runs) < MAX_REPEATS and (len(runs) < MIN_REPEATS or sum(runs) < REPEAT_FOR_MS):
                start = time.perf_counter()
                calls[name]()
                runs.append((time.perf_counter() - start) * 1000.0)
        times[name] = runs
    print(json.dumps({"igraph": igraph.__version__, "times": times}))


if __name__ == "__main__":
    main()
