/// A reference answer that follows a growing input: moving to a superset of what it answered adds only
/// the new orders; moving anywhere else starts over.
struct GrowingAnswer {
    private let reference: any ReferenceAnswer.Type
    private let orders: WorkloadOrders
    private var answer: any ReferenceAnswer
    private var answered = OrderIDRanges()

    init(_ reference: any ReferenceAnswer.Type, orders: WorkloadOrders) {
        self.reference = reference
        self.orders = orders
        answer = reference.init()
    }

    /// The answer over the orders whose ids are in `input`.
    mutating func table(over input: OrderIDRanges) -> SinkTable {
        if input.isSuperset(of: answered) {
            answer.add(orders.orders(in: input.subtracting(answered)))
        } else {
            answer = reference.init()
            answer.add(orders.orders(in: input))
        }
        answered = input
        return answer.table
    }
}
