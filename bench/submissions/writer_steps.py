#!/usr/bin/env python3
# Where the writer thread's time goes, by step: reads `perf script` output of a profile of
# plenary_bench_submissions (perf record --call-graph dwarf) and counts the samples of the thread
# `plenary-writer` (after the demo was loaded; the benchmark's own probes left out) by the
# innermost source line of responses.cc or mail.cc their stack passes through, else by the line
# of Database::WriterLoop (db.cc, between FIRST and LAST) they are under; with, for each step, the
# share of its samples in the kernel, in SQLite and elsewhere.
#   python3 bench/submissions/writer_steps.py perf-script.txt build/plenary_bench_submissions \
#     FIRST LAST
import collections
import os
import re
import subprocess
import sys

script, binary, first, last = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
name = os.path.basename(binary)
samples, addresses = [], set()
for block in open(script).read().split('\n\n'):
    lines = [l.strip() for l in block.strip().split('\n')]
    if not lines or not lines[0].startswith('plenary-writer'):
        continue
    frames = []
    for f in lines[1:]:
        m = re.match(r'([0-9a-f]+) (.*) \((.*)\)$', f)
        if not m:
            continue
        a, sym, dso = m.groups()
        # perf names the frames inlined into one address "inlined": ours are C++ names.
        if dso == 'inlined' and re.match(r'(plenary::|operator\(\)|std::)', sym):
            dso = name
        frames.append((a, sym, dso))
    if any(re.search(r'demo::Load|Migrate|RunBatch|WriterCpuNs', s) for _, s, _ in frames):
        continue
    samples.append(frames)
    addresses.update(a for a, _, d in frames if d.endswith(name))
addresses = sorted(addresses)
out = subprocess.run(['addr2line', '-e', binary, '-i', '-a'] +
                     [hex(int(a, 16) - 1) for a in addresses],
                     capture_output=True, text=True).stdout.split('\n')
where, cur = {}, None
for l in out:
    if l.startswith('0x'):
        cur = int(l, 16) + 1
        where[cur] = []
    elif l:
        where[cur].append(l.split(' (')[0].split('/')[-1])
steps, leaves = collections.Counter(), collections.defaultdict(collections.Counter)
for frames in samples:
    key = 'other'
    for a, _, d in frames:
        if not d.endswith(name):
            continue
        lines = where.get(int(a, 16), [])
        use = [x for x in lines if re.match(r'(responses|mail)\.cc:', x)]
        if use:
            key = use[0]
            break
        loop = [x for x in lines if x.startswith('db.cc:') and
                first <= int(x.split(':')[1].split()[0]) <= last]
        if loop:
            key = loop[0]
    steps[key] += 1
    top = frames[0] if frames else ('', '', '')
    leaves[key]['kernel' if top[0].startswith('ffff') else
                'sqlite' if 'libsqlite3' in top[2] else 'other'] += 1
print(f'writer samples: {len(samples)}')
for k, n in steps.most_common(25):
    split = ', '.join(f'{d} {100 * c / n:.0f}%' for d, c in leaves[k].most_common())
    print(f'{100 * n / len(samples):5.1f}%  {k:24s} ({split})')
