// The CSV and TOML readers, the dataset reader and the writers live here.
