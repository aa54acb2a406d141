"""The analyst's half: platform analytics exports read into dated snapshots under
``metrics/`` (``importer``), tied to posts (``link``), turned into the handbook's KPIs
(``kpi``) and reported (``report``). See docs/METRICS.md."""
