-- Estimated cost of a run's LLM calls (tokens × PT_LLM_COST_PER_1K / 1000). DuckDB cannot add a NOT NULL column.
ALTER TABLE runs ADD COLUMN llm_cost_usd DOUBLE DEFAULT 0;
