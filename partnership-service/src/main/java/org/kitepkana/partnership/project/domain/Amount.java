package org.kitepkana.partnership.project.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import org.kitepkana.partnership.common.domain.InvalidValue;

/**
 * A sum of money in som (KGS) or another currency. A foreign sum carries the exchange rate (som for
 * one unit) and the date of that rate, so it can be counted in som in reports.
 *
 * @param amount zero or more, with no more decimals than the currency has
 * @param currency ISO 4217 code
 * @param rate som for one unit of {@code currency}; 1 for som
 * @param rateDate the date of the rate; null for som
 */
public record Amount(BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate) {

  public static final String SOM = "KGS";
  private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

  public Amount {
    if (amount == null) {
      throw new InvalidValue("amount", "must not be null");
    }
    if (currency == null || currency.isBlank()) {
      throw new InvalidValue("currency", "must not be null");
    }
    currency = currency.strip().toUpperCase(Locale.ROOT);
    Currency iso = currencyOf(currency);
    if (amount.signum() < 0) {
      throw new InvalidValue("amount", "must not be negative");
    }
    if (amount.compareTo(LIMIT) >= 0) {
      throw new InvalidValue("amount", "must be less than " + LIMIT.toPlainString());
    }
    int digits = Math.max(iso.getDefaultFractionDigits(), 0);
    if (amount.stripTrailingZeros().scale() > digits) {
      throw new InvalidValue("amount", currency + " has " + digits + " decimal places");
    }
    amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    if (SOM.equals(currency)) {
      if (rate != null && rate.compareTo(BigDecimal.ONE) != 0) {
        throw new InvalidValue("rate", "a sum in KGS has no exchange rate (or 1)");
      }
      rate = BigDecimal.ONE;
      rateDate = null;
    } else {
      if (rate == null) {
        throw new InvalidValue("rate", "a sum in " + currency + " needs its rate in KGS");
      }
      if (rate.signum() <= 0) {
        throw new InvalidValue("rate", "must be positive");
      }
      if (rate.stripTrailingZeros().scale() > 6 || rate.compareTo(LIMIT) >= 0) {
        throw new InvalidValue("rate", "at most 6 decimal places and less than a trillion");
      }
      if (rateDate == null) {
        throw new InvalidValue("rateDate", "a sum in " + currency + " needs the date of its rate");
      }
    }
  }

  public static Amount som(BigDecimal amount) {
    return new Amount(amount, SOM, null, null);
  }

  /** The sum in som, to the tyiyn. */
  public BigDecimal inSom() {
    return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
  }

  private static Currency currencyOf(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidValue("currency", "no ISO 4217 currency " + code);
    }
  }
}
