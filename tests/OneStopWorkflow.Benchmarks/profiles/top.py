#!/usr/bin/env python3
"""Inclusive time of the frames under one frame of a dotnet-trace speedscope file.

    dotnet-trace collect --format speedscope -o run.nettrace -- dotnet onestop.dll bench ...
    python3 top.py run.speedscope.json "BenchCommand.InMemory" 40

Prints, for the samples whose stack holds a frame containing the given text, the share of time spent in each frame
below it (async state machine plumbing left out), highest first.
"""
import collections
import json
import sys

path, root, count = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 40
data = json.load(open(path))
names = [f["name"] for f in data["shared"]["frames"]]
inclusive, total = collections.Counter(), 0.0
for profile in data["profiles"]:
    stack, last = [], None
    for event in profile["events"]:
        at = event["at"]
        if last is not None and stack:
            hits = [i for i, f in enumerate(stack) if root in names[f]]
            if hits:
                spent = at - last
                total += spent
                for f in set(stack[hits[0]:]):
                    inclusive[names[f]] += spent
        last = at
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            stack.pop()

noise = ("MoveNext", "AsyncMethodBuilder", "Start(", "System.Threading.", "ExecutionContext")
shown = 0
for name, spent in inclusive.most_common():
    if any(n in name for n in noise):
        continue
    print(f"{100 * spent / total:6.1f}%  {name[:150]}")
    shown += 1
    if shown == count:
        break
