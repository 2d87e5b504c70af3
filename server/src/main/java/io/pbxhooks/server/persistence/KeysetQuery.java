package io.pbxhooks.server.persistence;

import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list ordered by (time, id): optional filters, the position after the previous page's last
 * item, and {@code size + 1} rows fetched to learn whether another page follows.
 */
public final class KeysetQuery {

    private final String list;
    private final String timeColumn;
    private final boolean newestFirst;
    private boolean numericIds;
    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> parameters = new ArrayList<>();

    /** @param list names the list in its page tokens, so a token of one list is refused by another */
    public KeysetQuery(String list, String timeColumn, boolean newestFirst) {
        this.list = list;
        this.timeColumn = timeColumn;
        this.newestFirst = newestFirst;
    }

    /** For lists whose ids are numbers (AUTO_INCREMENT keys), so they compare as numbers. */
    public KeysetQuery numericIds() {
        this.numericIds = true;
        return this;
    }

    /** Adds {@code condition} (with one {@code ?}) unless {@code value} is null, which means "any". */
    public KeysetQuery filter(String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            parameters.add(value);
        }
        return this;
    }

    public <T> Page<T> page(Sql sql, String select, PageRequest page, Sql.RowMapper<T> mapper, Function<T, Instant> time,
                            Function<T, String> id) {
        List<Object> all = new ArrayList<>(parameters);
        StringBuilder condition = new StringBuilder(where);
        if (!page.isFirst()) {
            PageTokens.Position after = PageTokens.decode(list, page.token());
            String beyond = newestFirst ? "<" : ">";
            condition.append(" AND (").append(timeColumn).append(' ').append(beyond).append(" ? OR (").append(timeColumn)
                    .append(" = ? AND id ").append(beyond).append(" ?))");
            all.add(after.time());
            all.add(after.time());
            all.add(numericIds ? after.numericId() : after.id());
        }
        all.add(page.size() + 1);
        String order = newestFirst ? " DESC" : "";
        List<T> rows = sql.query(select + condition + " ORDER BY " + timeColumn + order + ", id" + order + " LIMIT ?", mapper, all.toArray());
        return Pages.of(rows, page, last -> PageTokens.encode(list, time.apply(last), id.apply(last)));
    }
}
