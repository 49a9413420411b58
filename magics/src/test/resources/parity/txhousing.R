# ggplot2's txhousing (Texas housing sales by city and month; ggplot2 3.4.1, Debian's r-cran-ggplot2)
# as CSV for the parity suite: the complete rows, without `date` (it is year + month as a fraction).
#   Rscript magics/src/test/resources/parity/txhousing.R | gzip -n > magics/src/test/resources/parity/txhousing.csv.gz
complete <- na.omit(as.data.frame(ggplot2::txhousing))
write.csv(complete[, setdiff(names(complete), "date")], stdout(), row.names = FALSE)
