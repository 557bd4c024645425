/// PostgreSQL migration 2: SQLite's functions that Scorebook's SQL calls, under SQLite's names and meanings.
///
/// With them one SQL text serves both engines: `julianday` of ISO 8601 text, `date(day, '+N days')`, the scalar
/// two-argument `max` and `min` (NULL when either is NULL, as SQLite's), and `json_each` of a JSON array bound as
/// text, one row per element in a column named `value`.
enum PostgresFunctions {
    static let sql = """
        CREATE FUNCTION julianday(day text) RETURNS double precision
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN extract(epoch FROM day::timestamp) / 86400.0 + 2440587.5;
        CREATE FUNCTION date(day text, modifier text) RETURNS text
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN to_char(day::date + modifier::interval, 'YYYY-MM-DD');
        CREATE FUNCTION max(a double precision, b double precision) RETURNS double precision
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN greatest(a, b);
        CREATE FUNCTION min(a double precision, b double precision) RETURNS double precision
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN least(a, b);
        CREATE FUNCTION json_each(list text) RETURNS TABLE (value text)
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN json_array_elements_text(list::json);
        """
}
