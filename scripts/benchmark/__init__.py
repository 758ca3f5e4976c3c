"""The pieces of scripts/bench.py, which runs them in order: see that file for what a run measures.

common: paths and small helpers every phase uses; conversation: the scripted conversation;
package: the Lambda package; cold: cold starts; warm: in-process latency; http: the threaded
server under load; targets: ratios to the hello world; profiles: what misses a target;
report: the machine description and BENCHMARKS.md.
"""
