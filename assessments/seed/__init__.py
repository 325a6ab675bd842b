"""Loading the seed cases of Korsten (2017) from the TOML files in fixtures/."""
