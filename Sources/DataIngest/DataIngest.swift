// DataIngest
