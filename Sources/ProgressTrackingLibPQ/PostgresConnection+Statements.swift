internal import CProgressTrackingLibPQ

// MARK: - Running statements

extension PostgresConnection {
    /// Runs one statement, preparing it first if this session has not yet (in the same round
    /// trip), and returns its rows.
    ///
    /// Outside a transaction block the statement commits on its own, as in `psql`.
    /// - Throws: `PostgresError`: `statementFailed` with the server's SQLSTATE, `connectionLost`
    ///   (the statement may or may not have run), `invalidArgument` before anything is sent.
    /// - Complexity: one round trip.
    @discardableResult
    package func query(_ sql: String, _ parameters: [PostgresValue] = []) throws(PostgresError) -> PostgresResult {
        try pipeline([PostgresStatement(sql, parameters)])[0]
    }

    /// Runs `statements` in order in one round trip, using libpq's pipeline mode: every
    /// statement (and the preparation of any this session has not prepared) is sent before
    /// any reply is read.
    ///
    /// Outside a transaction block, the statements form one implicit transaction: if one
    /// fails, none of them takes effect. Inside one, a failure aborts the caller's transaction.
    /// Either way the statements after a failed one are skipped, and the first failure is thrown.
    /// - Returns: one result per statement, in order.
    /// - Throws: like `query(_:_:)`.
    /// - Complexity: one round trip, whatever the number of statements.
    @discardableResult
    package func pipeline(_ statements: [PostgresStatement]) throws(PostgresError) -> [PostgresResult] {
        try pipeline(units: [statements])[0]
    }

    /// Runs several units of statements in order in one round trip, each unit ended by its
    /// own synchronization point: outside a transaction block, each unit is an implicit
    /// transaction of its own, committed before the next unit starts. A failure skips the
    /// rest of its unit only; the later units run.
    ///
    /// What this is for: a statement that must run after a commit without costing a round
    /// trip of its own, such as bumping a sequence that tells other sessions a commit is
    /// visible (a bump inside the transaction would be seen before the commit is).
    /// - Returns: one result per statement of each unit, in order; when a unit fails, the
    ///   first failure is thrown once every unit's reply is in.
    /// - Throws: like `query(_:_:)`.
    /// - Complexity: one round trip, whatever the number of units and statements.
    @discardableResult
    package func pipeline(units: [[PostgresStatement]]) throws(PostgresError) -> [[PostgresResult]] {
        let statements = units.flatMap { $0 }
        let sql = statements.count == 1 ? statements[0].sql : nil
        // Everything that can be refused is refused before the first byte is queued: libpq
        // cannot take back a statement once queued.
        var encoded: [[PostgresStatement.EncodedParameters]] = []
        encoded.reserveCapacity(units.count)
        for unit in units {
            var encodedUnit: [PostgresStatement.EncodedParameters] = []
            encodedUnit.reserveCapacity(unit.count)
            for statement in unit {
                try refuseNUL(in: statement.sql)
                encodedUnit.append(try PostgresStatement.EncodedParameters(statement))
            }
            encoded.append(encodedUnit)
        }
        let handle = try liveHandle(for: sql)
        let deadline = replyDeadline()
        guard PQenterPipelineMode(handle) == 1 else { throw abandon(handle, sql: sql) }

        // Send. A statement is prepared again in a later unit if its unit has not confirmed
        // the preparation: an earlier unit's failure may have skipped it.
        var preparation: [[String?]] = []  // per statement: the name it is prepared under in this pipeline
        for (unit, parameters) in zip(units, encoded) {
            var preparedHere: [String: String] = [:]
            var unitPreparation: [String?] = []
            for (statement, parameters) in zip(unit, parameters) {
                let known = preparedStatementNames[statement.sql] ?? preparedHere[statement.sql]
                let name = known ?? nextStatementName()
                if known == nil {
                    // No parameter types: the server infers them from the SQL.
                    guard PQsendPrepare(handle, name, statement.sql, 0, nil) == 1 else { throw abandon(handle, sql: statement.sql) }
                    preparedHere[statement.sql] = name
                }
                unitPreparation.append(known == nil ? name : nil)
                let sent = parameters.withValues { count, values in
                    // Text results (resultFormat 0): see PostgresDecodable for why.
                    PQsendQueryPrepared(handle, name, count, values, nil, nil, 0)
                }
                guard sent == 1 else { throw abandon(handle, sql: statement.sql) }
            }
            preparation.append(unitPreparation)
            guard PQpipelineSync(handle) == 1 else { throw abandon(handle, sql: sql) }
        }
        try flush(handle, until: deadline, sql: sql)

        // Receive: for each statement its preparation's result, if any, then its own; each
        // followed by the nil that ends it; then, after each unit, its sync's.
        var results: [[PostgresResult]] = []
        results.reserveCapacity(units.count)
        var firstFailure: PostgresError?
        for (unit, unitPreparation) in zip(units, preparation) {
            var unitResults: [PostgresResult] = []
            unitResults.reserveCapacity(unit.count)
            for (statement, preparedName) in zip(unit, unitPreparation) {
                if let preparedName {
                    switch try receive(statement: statement.sql, on: handle, until: deadline) {
                    case .success(let result):
                        PQclear(result)
                        preparedStatementNames[statement.sql] = preparedName
                    case .failure(let error): firstFailure = firstFailure ?? error
                    case .skipped: break
                    }
                }
                switch try receive(statement: statement.sql, on: handle, until: deadline) {
                case .success(let result): unitResults.append(PostgresResult(handle: result, sql: statement.sql))
                case .failure(let error): firstFailure = firstFailure ?? error
                case .skipped: break
                }
            }
            guard let sync = try nextResult(handle, until: deadline, sql: sql) else { throw abandon(handle, sql: sql) }
            let isSync = PQresultStatus(sync) == PGRES_PIPELINE_SYNC
            PQclear(sync)
            guard isSync else { throw abandon(handle, sql: sql) }
            results.append(unitResults)
        }
        guard PQexitPipelineMode(handle) == 1 else { throw abandon(handle, sql: sql) }
        if let firstFailure { throw firstFailure }
        return results
    }

    /// Runs SQL text that may hold several statements, such as a migration, with the simple
    /// query protocol: no parameters, no preparation, one round trip for the whole text.
    ///
    /// Unless the text has its own `BEGIN`/`COMMIT`, PostgreSQL runs it as one implicit
    /// transaction: it takes effect whole or not at all, and a failure stops it.
    /// - Throws: `PostgresError`, the first failure's.
    /// - Complexity: one round trip.
    package func execute(script: String) throws(PostgresError) {
        try refuseNUL(in: script)
        let handle = try liveHandle(for: script)
        let deadline = replyDeadline()
        guard PQsendQuery(handle, script) == 1 else { throw abandon(handle, sql: script) }
        try flush(handle, until: deadline, sql: script)
        var firstFailure: PostgresError?
        while let result = try nextResult(handle, until: deadline, sql: script) {
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                continue
            case PGRES_FATAL_ERROR:
                let failure = failure(of: result, on: handle, sql: script)
                if failure.isConnectionLost { throw failure }
                firstFailure = firstFailure ?? failure
            default:
                // COPY, which would wait for data this wrapper never sends.
                throw abandon(handle, message: "unsupported result \(String(cString: PQresStatus(PQresultStatus(result))))", sql: script)
            }
        }
        if let firstFailure { throw firstFailure }
    }

    // MARK: - Helpers

    /// What one pipelined step produced.
    private enum Received {
        /// The result, which the receiver must free.
        case success(OpaquePointer)
        case failure(PostgresError)
        /// Skipped after an earlier failure in the same pipeline.
        case skipped
    }

    /// Reads one step's result and the nil that ends it. Throws only when the connection is lost.
    private func receive(statement sql: String, on handle: OpaquePointer, until deadline: ContinuousClock.Instant) throws(PostgresError) -> Received {
        guard let result = try nextResult(handle, until: deadline, sql: sql) else { throw abandon(handle, sql: sql) }
        let received: Received
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            received = .success(result)
        case PGRES_PIPELINE_ABORTED:
            PQclear(result)
            received = .skipped
        case PGRES_FATAL_ERROR:
            let failure = failure(of: result, on: handle, sql: sql)
            PQclear(result)
            if failure.isConnectionLost { throw failure }
            received = .failure(failure)
        default:
            let status = String(cString: PQresStatus(PQresultStatus(result)))
            PQclear(result)
            throw abandon(handle, message: "unsupported result \(status)", sql: sql)
        }
        guard try nextResult(handle, until: deadline, sql: sql) == nil else {
            if case .success(let result) = received { PQclear(result) }
            throw abandon(handle, message: "more than one result for one statement", sql: sql)
        }
        return received
    }

    private func nextStatementName() -> String {
        preparedStatementCount += 1
        return "progress_tracking_\(preparedStatementCount)"
    }

    private func refuseNUL(in sql: String) throws(PostgresError) {
        guard !sql.utf8.contains(0) else {
            throw PostgresError(.invalidArgument, message: "the SQL contains a NUL character", sql: sql)
        }
    }
}
