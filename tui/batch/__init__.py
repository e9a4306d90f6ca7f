"""`warta analyse` at scale: records cut into tasks, analysed on every core or a Dask cluster.

Textual-free: tasks (what is analysed), worker (how, once per process), plan (cutting a
dump into tasks), pool and cluster (where), writers and parquet (what comes out), progress
(what the terminal shows) and run (all of it, in input order).
"""
