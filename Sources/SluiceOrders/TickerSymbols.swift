extension OrderGenerator {
    /// One hundred ticker symbols of one to four letters, most traded first (the generator's Zipf ranks).
    ///
    /// They include every symbol of the lecture's sample (EPE, NFLX, VALE, SRPT, BP, MNKD, CHK, Z, AU,
    /// CTRE, WLL), spread over the ranks.
    public static let tickerSymbols: [String] = [
        "AAPL", "NFLX", "BAC", "CHK", "MSFT", "FB", "AMZN", "GE", "F", "VALE",
        "BP", "INTC", "T", "PFE", "XOM", "GOOG", "C", "SRPT", "AMD", "EPE",
        "CSCO", "TWTR", "WFC", "MU", "KO", "JPM", "ORCL", "MNKD", "VZ", "NVDA",
        "GILD", "WLL", "YHOO", "EBAY", "CVX", "MRK", "AU", "Z", "SBUX", "DIS",
        "QCOM", "TSLA", "BA", "JNJ", "WMT", "CELG", "BIIB", "RIG", "HAL", "SLB",
        "CTRE", "COP", "OXY", "DVN", "APA", "MRO", "KMI", "WMB", "X", "AA",
        "FCX", "CLF", "GG", "ABX", "NEM", "KGC", "MCD", "NKE", "ADBE", "PYPL",
        "V", "MA", "AXP", "GS", "MS", "BK", "USB", "PNC", "TGT", "COST",
        "HD", "LOW", "CAT", "DE", "MMM", "HON", "UTX", "LMT", "GM", "DAL",
        "AAL", "IBM", "TXN", "AMGN", "ABBV", "BMY", "LLY", "VRTX", "REGN", "PEP",
    ]
}
