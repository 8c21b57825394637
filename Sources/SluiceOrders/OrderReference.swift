/// Plain, row-by-row answers to the lecture's queries: the oracle the engine's answers are checked against.
///
/// Each answer is a function of a sequence of orders, so the answer over the first *k* orders is the
/// function applied to `orders.prefix(k)`, and the answer of one micro-batch is the function applied to
/// that batch's orders. The lecture's `count-buys.py` counts per micro-batch; its `top-clients.py` keeps a
/// running total (`updateStateByKey`), which is the answer over a prefix. Every order counts, however late:
/// there is no watermark here.
///
/// Totals are exact integers (amounts, and amount × price in cents), so they do not depend on the order
/// of summation; ties in a ranking go to the smaller key. Prices must be whole cents.
public enum OrderReference {
    /// The `limit` entries of `totals` with the largest totals, largest first; equal totals by key ascending.
    static func largest<Key: Comparable>(_ totals: [Key: Int64], limit: Int) -> [(key: Key, total: Int64)] {
        let ranked = totals.sorted { left, right in
            left.value != right.value ? left.value > right.value : left.key < right.key
        }
        return ranked.prefix(limit).map { (key: $0.key, total: $0.value) }
    }
}
