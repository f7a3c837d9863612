package org.storelink.statements.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.storelink.model.Money;

/**
 * Maps one {@code Ntry} element tree to an entry, adding each problem with its path. Amounts are plain decimals
 * converted exactly to minor units ({@link Money#parseMajor}); the sign comes from {@code CdtDbtInd} only.
 */
final class CamtEntryReader {
    static final String BOOKED = "BOOK";
    private static final String NOT_PROVIDED = "NOTPROVIDED";
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern RATE = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private CamtEntryReader() {
    }

    /** The entry, or null if it has problems (they are in {@code problems}). */
    static CamtDocument.Entry read(XmlElement ntry, String path, int position, Problems problems) {
        int before = problems.count();
        Money amount = amount(ntry.child("Amt"), path + "/Amt", problems, true);
        Integer sign = direction(ntry.child("CdtDbtInd"), path + "/CdtDbtInd", problems, true);
        String status = status(ntry.child("Sts"), path + "/Sts", problems);
        boolean booked = BOOKED.equals(status);
        LocalDate bookingDate = date(ntry.child("BookgDt"), path + "/BookgDt", problems, booked);
        LocalDate valueDate = date(ntry.child("ValDt"), path + "/ValDt", problems, false);
        boolean reversal = "true".equals(ntry.textAt("RvslInd"));
        Amounts entryAmounts = Amounts.read(ntry.child("AmtDtls"), path + "/AmtDtls", problems);

        List<XmlElement> transactions = new ArrayList<>();
        List<String> transactionPaths = new ArrayList<>();
        List<XmlElement> entryDetails = ntry.children("NtryDtls");
        for (int i = 0; i < entryDetails.size(); i++) {
            List<XmlElement> txs = entryDetails.get(i).children("TxDtls");
            for (int j = 0; j < txs.size(); j++) {
                transactions.add(txs.get(j));
                transactionPaths.add(path + "/NtryDtls[" + (i + 1) + "]/TxDtls[" + (j + 1) + "]");
            }
        }
        String currency = amount == null ? null : amount.currency();
        long signed = amount == null || sign == null ? 0 : sign * amount.minor();
        List<CamtDocument.Detail> details = new ArrayList<>();
        for (int k = 0; k < transactions.size(); k++) {
            details.add(detail(transactions.get(k), transactionPaths.get(k), currency, signed,
                    sign == null ? 1 : sign, transactions.size() == 1, entryAmounts, problems));
        }
        if (transactions.isEmpty() && currency != null) {
            // No TxDtls, but the entry itself may say it was converted from a foreign amount.
            Amounts.Found original = entryAmounts.foreign(currency);
            if (original != null) {
                details.add(new CamtDocument.Detail(signed, signedMoney(original.money(), sign == null ? 1 : sign),
                        entryAmounts.exchangeRate(original), null, null, null, null));
            }
        }
        if (problems.count() > before) {
            return null;
        }
        return new CamtDocument.Entry(position, path, signed, currency, status, bookingDate, valueDate,
                ntry.textAt("AcctSvcrRef"), ntry.textAt("NtryRef"), reversal, details);
    }

    /**
     * One {@code TxDtls}. Its amount in the entry's currency is its own {@code Amt} (001.03+), else
     * {@code AmtDtls/TxAmt}, else {@code AmtDtls/CntrValAmt}, whichever is in the entry's currency; a single detail
     * without one is the whole entry. The original amount is the first of {@code AmtDtls/InstdAmt}, {@code Amt}
     * and {@code AmtDtls/TxAmt} in another currency, else (single detail) the entry's own {@code AmtDtls}.
     */
    private static CamtDocument.Detail detail(XmlElement tx, String path, String entryCurrency, long entryAmount,
                                              int entrySign, boolean single, Amounts entryAmounts,
                                              Problems problems) {
        Integer ownSign = direction(tx.child("CdtDbtInd"), path + "/CdtDbtInd", problems, false);
        int sign = ownSign == null ? entrySign : ownSign;
        Money own = amount(tx.child("Amt"), path + "/Amt", problems, false);
        Amounts amounts = Amounts.read(tx.child("AmtDtls"), path + "/AmtDtls", problems);

        Long amount = null;
        if (entryCurrency != null) {
            for (Money candidate : new Money[] {own, amounts.transaction(), amounts.counterValue()}) {
                if (candidate != null && candidate.currency().equals(entryCurrency)) {
                    amount = sign * candidate.minor();
                    break;
                }
            }
            if (amount == null && single) {
                amount = entryAmount;
            }
        }

        Money original = null;
        CamtDocument.ExchangeRate rate = null;
        if (entryCurrency != null) {
            // A single detail is the whole entry, so the entry's own AmtDtls describe it too.
            Amounts.Found found = amounts.foreign(entryCurrency, own);
            if (found != null) {
                rate = amounts.exchangeRate(found);
                if (rate == null && single) {
                    rate = entryAmounts.exchangeRate(null);
                }
            } else if (single) {
                found = entryAmounts.foreign(entryCurrency);
                rate = found == null ? null : entryAmounts.exchangeRate(found);
            }
            original = found == null ? null : signedMoney(found.money(), sign);
        }

        String endToEnd = tx.textAt("Refs/EndToEndId");
        if (endToEnd != null && endToEnd.toUpperCase(Locale.ROOT).equals(NOT_PROVIDED)) {
            endToEnd = null;
        }
        String remittance = tx.child("RmtInf") == null ? null : tx.child("RmtInf").children("Ustrd").stream()
                .map(XmlElement::text).filter(t -> !t.isEmpty()).collect(Collectors.joining(" "));
        if (remittance != null && remittance.isEmpty()) {
            remittance = null;
        }
        XmlElement parties = tx.child("RltdPties");
        String counterparty = parties == null ? null : partyName(parties.child(sign > 0 ? "Dbtr" : "Cdtr"));
        return new CamtDocument.Detail(amount, original, rate, endToEnd, tx.textAt("Refs/AcctSvcrRef"), remittance,
                counterparty);
    }

    /** {@code Nm}, or in 001.08+ (Party choice) {@code Pty/Nm}. */
    private static String partyName(XmlElement party) {
        if (party == null) {
            return null;
        }
        String name = party.textAt("Nm");
        return name != null ? name : party.textAt("Pty/Nm");
    }

    private static Money signedMoney(Money money, int sign) {
        return new Money(sign * money.minor(), money.currency());
    }

    /** An {@code Amt Ccy="..."} element: a non-negative plain decimal in an ISO 4217 currency with minor units. */
    static Money amount(XmlElement element, String path, Problems problems, boolean required) {
        if (element == null) {
            if (required) {
                problems.add(path, "is missing");
            }
            return null;
        }
        String currency = element.attribute("Ccy");
        String text = element.text();
        boolean ok = true;
        if (currency == null || currency.isBlank()) {
            problems.add(path + "/@Ccy", "is missing");
            ok = false;
        } else {
            currency = currency.strip();
            try {
                Money.exponent(currency);
            } catch (IllegalArgumentException e) {
                problems.add(path + "/@Ccy", e.getMessage());
                ok = false;
            }
        }
        if (text.isEmpty()) {
            problems.add(path, "is empty");
            return null;
        }
        if (text.startsWith("-")) {
            problems.add(path, "\"" + text + "\" is negative; the direction is given by CdtDbtInd");
            return null;
        }
        if (!ok) {
            return null;
        }
        try {
            return new Money(Money.parseMajor(text, currency), currency);
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return null;
        }
    }

    /** {@code CdtDbtInd}: +1 for CRDT, -1 for DBIT. */
    private static Integer direction(XmlElement element, String path, Problems problems, boolean required) {
        if (element == null || element.text().isEmpty()) {
            if (required) {
                problems.add(path, "is missing (CRDT or DBIT)");
            }
            return null;
        }
        return switch (element.text()) {
            case "CRDT" -> 1;
            case "DBIT" -> -1;
            default -> {
                problems.add(path, "\"" + element.text() + "\" is neither CRDT nor DBIT");
                yield null;
            }
        };
    }

    /** {@code Sts} as a code (up to 001.07) or {@code Sts/Cd} / {@code Sts/Prtry} (001.08). */
    private static String status(XmlElement element, String path, Problems problems) {
        String status = null;
        if (element != null) {
            status = element.textAt("Cd");
            if (status == null) {
                status = element.textAt("Prtry");
            }
            if (status == null && !element.text().isEmpty()) {
                status = element.text();
            }
        }
        if (status == null) {
            problems.add(path, "is missing (BOOK, PDNG, INFO ...)");
            return null;
        }
        return status.toUpperCase(Locale.ROOT);
    }

    /** A {@code DateAndDateTimeChoice}: {@code Dt}, or {@code DtTm} whose date is taken as the bank wrote it. */
    private static LocalDate date(XmlElement element, String path, Problems problems, boolean required) {
        if (element == null) {
            if (required) {
                problems.add(path, "is missing; a booked entry needs its booking date");
            }
            return null;
        }
        String day = element.textAt("Dt");
        if (day != null) {
            try {
                return LocalDate.parse(day, DateTimeFormatter.ISO_DATE);
            } catch (DateTimeParseException e) {
                problems.add(path + "/Dt", "\"" + day + "\" is not a date such as 2014-01-05");
                return null;
            }
        }
        String dateTime = element.textAt("DtTm");
        if (dateTime != null) {
            try {
                return LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(dateTime));
            } catch (DateTimeParseException e) {
                problems.add(path + "/DtTm", "\"" + dateTime + "\" is not a date-time such as 2014-01-05T10:30:00");
                return null;
            }
        }
        problems.add(path, "holds neither Dt nor DtTm");
        return null;
    }

    /** The amounts of an {@code AmtDtls} element, each checked, with their {@code CcyXchg}. */
    record Amounts(Found instructed, Found transactionFound, Found counterValueFound) {
        static final Amounts NONE = new Amounts(null, null, null);

        /** An amount and the exchange rate stated beside it. */
        record Found(Money money, CamtDocument.ExchangeRate rate) {
        }

        static Amounts read(XmlElement amtDtls, String path, Problems problems) {
            if (amtDtls == null) {
                return NONE;
            }
            return new Amounts(found(amtDtls.child("InstdAmt"), path + "/InstdAmt", problems),
                    found(amtDtls.child("TxAmt"), path + "/TxAmt", problems),
                    found(amtDtls.child("CntrValAmt"), path + "/CntrValAmt", problems));
        }

        private static Found found(XmlElement holder, String path, Problems problems) {
            if (holder == null) {
                return null;
            }
            Money money = amount(holder.child("Amt"), path + "/Amt", problems, true);
            CamtDocument.ExchangeRate rate = exchange(holder.child("CcyXchg"), path + "/CcyXchg", problems);
            return money == null ? null : new Found(money, rate);
        }

        Money transaction() {
            return transactionFound == null ? null : transactionFound.money();
        }

        Money counterValue() {
            return counterValueFound == null ? null : counterValueFound.money();
        }

        /** The instructed, else the transaction amount, when it is not in {@code entryCurrency}. */
        Found foreign(String entryCurrency) {
            for (Found candidate : new Found[] {instructed, transactionFound}) {
                if (candidate != null && !candidate.money().currency().equals(entryCurrency)) {
                    return candidate;
                }
            }
            return null;
        }

        /** As {@link #foreign(String)}, with the detail's own {@code Amt} between the two. */
        Found foreign(String entryCurrency, Money own) {
            Found ownFound = own == null ? null : new Found(own, null);
            for (Found candidate : new Found[] {instructed, ownFound, transactionFound}) {
                if (candidate != null && !candidate.money().currency().equals(entryCurrency)) {
                    return candidate;
                }
            }
            return null;
        }

        /** The rate stated with {@code found}, else with any amount here. */
        CamtDocument.ExchangeRate exchangeRate(Found found) {
            if (found != null && found.rate() != null) {
                return found.rate();
            }
            for (Found candidate : new Found[] {instructed, transactionFound, counterValueFound}) {
                if (candidate != null && candidate.rate() != null) {
                    return candidate.rate();
                }
            }
            return null;
        }

        private static CamtDocument.ExchangeRate exchange(XmlElement ccyXchg, String path, Problems problems) {
            if (ccyXchg == null) {
                return null;
            }
            String source = ccyXchg.textAt("SrcCcy");
            String target = ccyXchg.textAt("TrgtCcy");
            String rate = ccyXchg.textAt("XchgRate");
            boolean ok = true;
            if (source == null || !CURRENCY_CODE.matcher(source).matches()) {
                problems.add(path + "/SrcCcy", source == null ? "is missing" : "\"" + source
                        + "\" is not a currency code");
                ok = false;
            }
            if (target != null && !CURRENCY_CODE.matcher(target).matches()) {
                problems.add(path + "/TrgtCcy", "\"" + target + "\" is not a currency code");
                ok = false;
            }
            if (rate == null || !RATE.matcher(rate).matches() || new BigDecimal(rate).signum() == 0) {
                problems.add(path + "/XchgRate", rate == null ? "is missing"
                        : "\"" + rate + "\" is not a positive plain decimal");
                ok = false;
            }
            return ok ? new CamtDocument.ExchangeRate(source, target, new BigDecimal(rate)) : null;
        }
    }
}
