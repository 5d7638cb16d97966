#!/usr/bin/env python3
"""igraph's side of the CLI benchmark (tests/bench/cli.ts): a whole process that
does what `actorscope metrics FILE --metrics M` (or `actorscope communities`)
does, with python-igraph.

Usage:
    python3 igraph_cli.py FILE.csv METRIC [--undirected]

FILE.csv is the benchmark's edge list, header source,target,type (the same
file the actorscope command reads). The graph is the one Actorscope's metrics
run on: directed by default, a `partner` relation counted both ways and every
other type from source to target (--undirected: every relation mutual);
parallel arcs merged and self-loops dropped (simplify), as graph/analysis's
simple metric graph does. Every actor's value is printed, one "id,value" line
each, as the actorscope command prints its table: the benchmark sends both to
/dev/null. cli.ts sets OMP_NUM_THREADS=1, as run.ts does for igraph_bench.py.

METRIC and the igraph call (defaults otherwise, as in igraph_bench.py):
  degree, inDegree, outDegree   g.degree(mode="all" | "in" | "out")
  betweenness    g.betweenness(directed=D)              exact Brandes
  closeness      g.closeness(mode="in")                 BFS per node
  eigenvector    g.eigenvector_centrality(directed=D)   ARPACK
  pagerank       g.pagerank(directed=D, damping=0.85)   PRPACK
  hub            g.hub_score()
  authority      g.authority_score()
  communities    g.community_multilevel() on the undirected graph of every relation
                 (actorscope communities --types with all four types); prints each
                 actor's community and the modularity
"""
import csv
import sys

import igraph


def main():
    path, metric = sys.argv[1], sys.argv[2]
    undirected = "--undirected" in sys.argv[3:]
    names = {}
    edges = []

    def index(name):
        i = names.get(name)
        if i is None:
            i = names[name] = len(names)
        return i

    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows)
        if header[:3] != ["source", "target", "type"]:
            raise SystemExit(f"{path}: expected the header source,target,type, not {header}")
        for source, target, kind, *_ in rows:
            s, t = index(source), index(target)
            edges.append((s, t))
            if kind == "partner" and not undirected:
                edges.append((t, s))
    directed = not undirected and metric != "communities"
    g = igraph.Graph(n=len(names), edges=edges, directed=directed)
    g.simplify(multiple=True, loops=True)
    ids = list(names)
    out = sys.stdout
    if metric == "communities":
        parts = g.community_multilevel()
        for i, c in enumerate(parts.membership):
            out.write(f"{ids[i]},{c}\n")
        out.write(f"modularity,{parts.modularity}\n")
        return
    calls = {
        "degree": lambda: g.degree(mode="all"),
        "inDegree": lambda: g.degree(mode="in"),
        "outDegree": lambda: g.degree(mode="out"),
        "betweenness": lambda: g.betweenness(directed=directed),
        "closeness": lambda: g.closeness(mode="in"),
        "eigenvector": lambda: g.eigenvector_centrality(directed=directed),
        "pagerank": lambda: g.pagerank(directed=directed, damping=0.85),
        "hub": lambda: g.hub_score(),
        "authority": lambda: g.authority_score(),
    }
    values = calls[metric]()
    out.write(f"id,{metric}\n")
    for i, v in enumerate(values):
        out.write(f"{ids[i]},{v}\n")


if __name__ == "__main__":
    main()
