# Reference outputs of R package surveillance 1.20.3 (Debian bookworm r-cran-surveillance,
# R 4.2.2) for settings the shared validation cases do not cover. Run from this folder:
#   Rscript generate.R
# Inputs are the package's own data sets, identical to the input.csv files of
# shared/validation-data named in README.md. Numbers are written with 17 significant digits;
# NA is "NA", Inf is "Inf".
suppressMessages(library(surveillance))
data(salmonella.agona); agona <- disProg2sts(salmonella.agona)
data(salmNewport); salmNewportGermany <- aggregate(salmNewport, by = "unit")
in2011 <- which(isoWeekYear(epoch(salmNewport))$ISOYear == 2011)
data(campyDE); cam.sts <- sts(epoch = campyDE$date, observed = campyDE$case, state = campyDE$state)

fmt <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
save <- function(name, range, columns) {
  d <- data.frame(t = range, lapply(columns, function(x) if (is.logical(x)) x else fmt(as.numeric(x))))
  write.csv(d, paste0(name, ".csv"), row.names = FALSE, quote = FALSE)
}
flexible <- function(name, s, control) {
  r <- farringtonFlexible(s, control = control); cc <- r@control
  save(name, control$range, list(upperbound = upperbound(r)[, 1], alarm = as.logical(alarms(r)[, 1]),
    expected = cc$expected[, 1], score = cc$score[, 1], pvalue = cc$pvalue[, 1],
    mu0Vector = cc$mu0Vector[, 1], phiVector = cc$phiVector[, 1], trend = cc$trend[, 1],
    trendVector = cc$trendVector[, 1]))
}
classic <- function(name, s, control) {
  r <- farrington(s, control = control)
  save(name, control$range, list(upperbound = upperbound(r)[, 1], alarm = as.logical(alarms(r)[, 1]),
    pd_q = r@control$pd[, 1], pd_m = r@control$pd[, 2]))
}

flexible("flexible_agona_delta_b3", agona, list(range = 200:312, b = 3, w = 2))
flexible("flexible_agona_muan_noPeriods4", agona,
  list(range = 200:312, b = 3, w = 3, noPeriods = 4, pastWeeksNotIncluded = 10, thresholdMethod = "muan"))
flexible("flexible_salmNewport_none_noreweight", salmNewportGermany,
  list(range = in2011, b = 3, w = 3, reweight = FALSE, powertrans = "none", alpha = 0.01))
classic("farrington_agona_half_notrend", agona,
  list(range = 200:312, b = 3, w = 2, powertrans = "1/2", trend = FALSE, limit54 = c(3, 2), alpha = 0.1))
classic("farrington_campyDE_b2_none", cam.sts,
  list(range = 300:400, b = 2, w = 1, powertrans = "none"))
r <- earsC(agona, control = list(range = 20:312, method = "C3", baseline = 5, minSigma = 0.5, alpha = 0.05))
save("ears_c3_agona_baseline5_minsigma", 20:312, list(upperbound = upperbound(r)[, 1], alarm = as.logical(alarms(r)[, 1])))
r <- algo.cusum(sts2disProg(agona), control = list(range = 100:312, k = 0.5, h = 4, m = 2, trans = "standard"))
save("cusum_agona_m2", 100:312, list(upperbound = r$upperbound, alarm = as.logical(r$alarm), cusum = r$cusum))
