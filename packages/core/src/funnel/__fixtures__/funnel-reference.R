# Reference numbers for packages/core/src/funnel tests, in base R. Run from this folder:
#   Rscript funnel-reference.R && npx prettier --write funnel-reference.json
# (writes the cases the tests read, prints the worked numbers quoted in the tests)
# Written from the formulas, not copied: Spiegelhalter (2005) Stat Med 24:1185-1202 (exact binomial
# limits with interpolation), Spiegelhalter (2005) QSHC 14:347-351 (Winsorised z, phi, tau2) and
# FunnelPlotR 0.6.0 (R/od_adjustment.R, R/calculate_limits.R: transformations, type-7 quantiles,
# the tau2 gate I*phi < I-1, chi-square Poisson limits). Sankofa squares the square-root limits
# back (FunnelPlotR issue #33 does not) and keeps the exact limit where it is wider.
options(digits = 17)
z95 <- qnorm(0.975); z998 <- qnorm(0.999)
binom_limit <- function(p, n, th) {
  r <- qbinom(p, n, th); Fr <- pbinom(r, n, th); Fr1 <- pbinom(r - 1, n, th)
  a <- if (Fr - Fr1 > 0) min(1, max(0, (Fr - p) / (Fr - Fr1))) else 0
  min(1, max(0, (r - a) / n))
}
pois_limit <- function(p, n, th) {
  E <- th * n
  if (p < 0.5) { if (E > 0) qchisq(p, 2 * E) / 2 / n else 0 } else qchisq(p, 2 * (E + 1)) / 2 / n
}
od <- function(z, s, trim) {
  lz <- quantile(z, trim, names = FALSE); uz <- quantile(z, 1 - trim, names = FALSE)
  wz <- pmin(uz, pmax(lz, z)); I <- length(z); phi <- sum(wz^2) / I
  w <- 1 / s^2
  tau2 <- if (I * phi < I - 1) 0 else max(0, (I * phi - (I - 1)) / (sum(w) - sum(w^2) / sum(w)))
  list(lz = lz, uz = uz, phi = phi, tau2 = tau2, stat = I * phi,
       p = pchisq(I * phi, I - 1, lower.tail = FALSE))
}
num <- function(x) sprintf("%.17g", x)
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
side <- function(v, lo, hi) if (v > hi) '"high"' else if (v < lo) '"low"' else "null"
funnel <- function(name, type, y, n, overdispersion, trim = 0.1) {
  th <- sum(y) / sum(n)
  if (type == "proportion") {
    s <- 1 / (2 * sqrt(n)); z <- (asin(sqrt(y / n)) - asin(sqrt(th))) / s
    back <- function(h) c(if (asin(sqrt(th)) - h <= 0) 0 else sin(asin(sqrt(th)) - h)^2,
                          if (asin(sqrt(th)) + h >= pi / 2) 1 else sin(asin(sqrt(th)) + h)^2)
    ex <- function(p, m) binom_limit(p, m, th)
  } else {
    E <- th * n; s <- 1 / (2 * sqrt(E)); z <- 2 * (sqrt(y) - sqrt(E))
    back <- function(h) c(if (h >= 1) 0 else th * (1 - h)^2, th * (1 + h)^2)
    ex <- function(p, m) pois_limit(p, m, th)
  }
  o <- od(z, s, trim); applied <- overdispersion && o$phi > 1
  units <- character(0)
  for (i in seq_along(y)) {
    lim <- c(ex(0.025, n[i]), ex(0.975, n[i]), ex(0.001, n[i]), ex(0.999, n[i]))
    zi <- z[i]
    if (applied) {
      sp <- sqrt(s[i]^2 + o$tau2); a95 <- back(z95 * sp); a998 <- back(z998 * sp)
      lim <- c(min(lim[1], a95[1]), max(lim[2], a95[2]), min(lim[3], a998[1]), max(lim[4], a998[2]))
      zi <- if (type == "proportion") (asin(sqrt(y[i] / n[i])) - asin(sqrt(th))) / sp
            else (sqrt(y[i] / E[i]) - 1) / sp
    }
    lim <- c(min(lim[1], th), max(lim[2], th), min(lim[3], th), max(lim[4], th))
    v <- y[i] / n[i]
    units <- c(units, sprintf(
      '{"z": %s, "lower95": %s, "upper95": %s, "lower998": %s, "upper998": %s, "outlier": %s, "outlier95": %s}',
      num(zi), num(lim[1]), num(lim[2]), num(lim[3]), num(lim[4]),
      side(v, lim[3], lim[4]), side(v, lim[1], lim[2])))
  }
  sprintf(paste0('{"name": "%s", "type": "%s", "overdispersion": %s, "y": %s, "n": %s, "theta": %s, ',
                 '"phi": %s, "tau2": %s, "statistic": %s, "pValue": %s, "applied": %s,\n "units": [\n  %s]}'),
          name, type, tolower(overdispersion), arr(y), arr(n), num(th), num(o$phi), num(o$tau2),
          num(o$stat), num(o$p), tolower(applied), paste(units, collapse = ",\n  "))
}
py <- c(12, 45, 80, 150, 210, 260, 300, 420, 395, 640, 700, 1150, 980, 1400, 30, 5)
pn <- c(40, 120, 260, 410, 500, 700, 720, 1000, 1100, 1500, 1900, 2400, 2600, 3000, 60, 25)
ry <- c(0, 3, 12, 9, 30, 25, 60, 48, 95, 70, 160, 110, 260, 300)
rn <- c(150, 400, 900, 1500, 2000, 3500, 5000, 6000, 8000, 10000, 12000, 15000, 20000, 30000)
cases <- c(
  # Five equal units: the hand-worked example (equal weights: tau2 = (I*phi - (I-1)) / ((I-1) w)).
  funnel("hand5", "proportion", c(10, 20, 30, 40, 50), rep(100, 5), TRUE),
  # Sixteen districts, proportions (made-up counts shaped like facility-delivery coverage).
  funnel("districts-proportion", "proportion", py, pn, FALSE),
  funnel("districts-proportion-od", "proportion", py, pn, TRUE),
  # Fourteen districts, rates per person-year (made-up), one without events.
  funnel("districts-rate", "rate", ry, rn, FALSE),
  funnel("districts-rate-od", "rate", ry, rn, TRUE))
writeLines(paste0('{"source": "funnel-reference.R, ', R.version.string, '",\n"cases": [\n',
                  paste(cases, collapse = ",\n"), "]}"), "funnel-reference.json")
# FunnelPlotR's square-root ("CQC") upper 99.8% limit without squaring, for the README.
th <- sum(ry) / sum(rn); o <- od(2 * (sqrt(ry) - sqrt(th * rn)), 1 / (2 * sqrt(th * rn)), 0.1)
cat(sprintf("CQC unsquared upper998 at n=5000: %.17g vs squared %.17g\n",
            th * (1 + z998 * sqrt(1 / (4 * th * 5000) + o$tau2)),
            th * (1 + z998 * sqrt(1 / (4 * th * 5000) + o$tau2))^2))
# Worked exact limits.
cat(sprintf("binom 0.975 n=20 th=0.1: r %d F(r) %.17g F(r-1) %.17g limit %.17g\n", qbinom(0.975, 20, 0.1),
            pbinom(qbinom(0.975, 20, 0.1), 20, 0.1), pbinom(qbinom(0.975, 20, 0.1) - 1, 20, 0.1), binom_limit(0.975, 20, 0.1)))
cat(sprintf("binom 0.025 n=20 th=0.1: r %d limit %.17g; 0.999: %.17g; 0.001: %.17g\n", qbinom(0.025, 20, 0.1),
            binom_limit(0.025, 20, 0.1), binom_limit(0.999, 20, 0.1), binom_limit(0.001, 20, 0.1)))
cat(sprintf("binom n=200 th=0.3: %.17g %.17g %.17g %.17g\n", binom_limit(0.025, 200, 0.3), binom_limit(0.975, 200, 0.3),
            binom_limit(0.001, 200, 0.3), binom_limit(0.999, 200, 0.3)))
cat(sprintf("pois n=100 th=0.1: %.17g %.17g %.17g %.17g\n", pois_limit(0.025, 100, 0.1), pois_limit(0.975, 100, 0.1),
            pois_limit(0.001, 100, 0.1), pois_limit(0.999, 100, 0.1)))
