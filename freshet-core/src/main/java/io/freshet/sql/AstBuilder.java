package io.freshet.sql;

import io.freshet.ErrorCode;
import io.freshet.plan.parsed.ParsedExpr;
import io.freshet.plan.parsed.ParsedExpr.SortItem;
import io.freshet.plan.parsed.ParsedExpr.WindowSpec;
import io.freshet.plan.parsed.Position;
import io.freshet.sql.FreshetSqlParser.AliasedQueryContext;
import io.freshet.sql.FreshetSqlParser.AnyIdentifierContext;
import io.freshet.sql.FreshetSqlParser.ColumnDefinitionContext;
import io.freshet.sql.FreshetSqlParser.CommentClauseContext;
import io.freshet.sql.FreshetSqlParser.CreateStreamingTableContext;
import io.freshet.sql.FreshetSqlParser.CreateTableContext;
import io.freshet.sql.FreshetSqlParser.CreateViewContext;
import io.freshet.sql.FreshetSqlParser.CubeContext;
import io.freshet.sql.FreshetSqlParser.DescribeQueryContext;
import io.freshet.sql.FreshetSqlParser.DescribeTableContext;
import io.freshet.sql.FreshetSqlParser.DropContext;
import io.freshet.sql.FreshetSqlParser.ExplainContext;
import io.freshet.sql.FreshetSqlParser.GroupByAllContext;
import io.freshet.sql.FreshetSqlParser.GroupByClauseContext;
import io.freshet.sql.FreshetSqlParser.GroupByElementsContext;
import io.freshet.sql.FreshetSqlParser.GroupingElementContext;
import io.freshet.sql.FreshetSqlParser.GroupingSetContext;
import io.freshet.sql.FreshetSqlParser.GroupingSetsContext;
import io.freshet.sql.FreshetSqlParser.IdentifierContext;
import io.freshet.sql.FreshetSqlParser.IdentifierListContext;
import io.freshet.sql.FreshetSqlParser.InlineTableContext;
import io.freshet.sql.FreshetSqlParser.InsertContext;
import io.freshet.sql.FreshetSqlParser.JoinRelationContext;
import io.freshet.sql.FreshetSqlParser.JoinTypeContext;
import io.freshet.sql.FreshetSqlParser.LocationClauseContext;
import io.freshet.sql.FreshetSqlParser.NamedQueryContext;
import io.freshet.sql.FreshetSqlParser.NamedWindowContext;
import io.freshet.sql.FreshetSqlParser.OptionsClauseContext;
import io.freshet.sql.FreshetSqlParser.ParenthesizedQueryContext;
import io.freshet.sql.FreshetSqlParser.ParenthesizedRelationContext;
import io.freshet.sql.FreshetSqlParser.PartitionedByClauseContext;
import io.freshet.sql.FreshetSqlParser.PropertiesClauseContext;
import io.freshet.sql.FreshetSqlParser.PropertyContext;
import io.freshet.sql.FreshetSqlParser.PropertyListContext;
import io.freshet.sql.FreshetSqlParser.QualifiedNameContext;
import io.freshet.sql.FreshetSqlParser.QueryContext;
import io.freshet.sql.FreshetSqlParser.QueryOrganizationContext;
import io.freshet.sql.FreshetSqlParser.QueryPrimaryContext;
import io.freshet.sql.FreshetSqlParser.QueryPrimaryDefaultContext;
import io.freshet.sql.FreshetSqlParser.QuerySpecificationContext;
import io.freshet.sql.FreshetSqlParser.QueryStatementContext;
import io.freshet.sql.FreshetSqlParser.QueryTermContext;
import io.freshet.sql.FreshetSqlParser.QueryTermDefaultContext;
import io.freshet.sql.FreshetSqlParser.RelationContext;
import io.freshet.sql.FreshetSqlParser.RelationPrimaryContext;
import io.freshet.sql.FreshetSqlParser.ResetConfigContext;
import io.freshet.sql.FreshetSqlParser.RollupContext;
import io.freshet.sql.FreshetSqlParser.SetConfigContext;
import io.freshet.sql.FreshetSqlParser.SetOperationContext;
import io.freshet.sql.FreshetSqlParser.ShowFunctionsContext;
import io.freshet.sql.FreshetSqlParser.ShowTablesContext;
import io.freshet.sql.FreshetSqlParser.SingleGroupingContext;
import io.freshet.sql.FreshetSqlParser.StatementContext;
import io.freshet.sql.FreshetSqlParser.StreamTableContext;
import io.freshet.sql.FreshetSqlParser.StrictIdentifierContext;
import io.freshet.sql.FreshetSqlParser.TableAliasContext;
import io.freshet.sql.FreshetSqlParser.TableClauseContext;
import io.freshet.sql.FreshetSqlParser.TableFunctionContext;
import io.freshet.sql.FreshetSqlParser.TableNameContext;
import io.freshet.sql.FreshetSqlParser.UseContext;
import io.freshet.sql.FreshetSqlParser.ValuesQueryContext;
import io.freshet.sql.FreshetSqlParser.ValuesRowContext;
import io.freshet.sql.FreshetSqlParser.WatermarkClauseContext;
import io.freshet.sql.ast.ColumnDefinition;
import io.freshet.sql.ast.Cte;
import io.freshet.sql.ast.GroupBy;
import io.freshet.sql.ast.GroupingElement;
import io.freshet.sql.ast.JoinCriteria;
import io.freshet.sql.ast.JoinType;
import io.freshet.sql.ast.Query;
import io.freshet.sql.ast.QueryBody;
import io.freshet.sql.ast.Relation;
import io.freshet.sql.ast.Select;
import io.freshet.sql.ast.SetOperation;
import io.freshet.sql.ast.SetOperation.SetOperator;
import io.freshet.sql.ast.Statement;
import io.freshet.sql.ast.TableAlias;
import io.freshet.sql.ast.TableSpec;
import io.freshet.sql.ast.Values;
import io.freshet.sql.ast.Watermark;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

import static java.util.Objects.requireNonNull;

/**
 * Builds the statement and query AST ({@code io.freshet.sql.ast}) from a parse tree, with an {@link
 * ExpressionBuilder} for the expressions in it. One instance serves one statement: it keeps the
 * scopes of named windows ({@code WINDOW w AS (…)}) while it walks the query.
 */
final class AstBuilder {
    private final SourceMap source;
    private final CharStream input;
    private final DataTypeBuilder types;
    private final ExpressionBuilder expressions;
    private final Deque<Map<String, WindowSpec>> windowScopes = new ArrayDeque<>();

    AstBuilder(SourceMap source, CharStream input) {
        this.source = requireNonNull(source, "source is null");
        this.input = requireNonNull(input, "input is null");
        this.types = new DataTypeBuilder(source);
        this.expressions = new ExpressionBuilder(source, this, types);
    }

    ExpressionBuilder expressions() {
        return expressions;
    }

    DataTypeBuilder types() {
        return types;
    }

    private Position position(ParserRuleContext context) {
        return source.position(context);
    }

    // ----- names

    /** The name an identifier stands for: backquoted names unquoted, others as written. */
    static String identifier(IdentifierContext context) {
        if (context.strictIdentifier() != null) {
            return identifier(context.strictIdentifier());
        }
        return context.getText();
    }

    static String identifier(StrictIdentifierContext context) {
        if (context.BACKQUOTED_IDENTIFIER() != null) {
            String text = context.getText();
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        return context.getText();
    }

    static String identifier(AnyIdentifierContext context) {
        return context.identifier() != null ? identifier(context.identifier()) : context.getText();
    }

    static List<String> qualifiedName(QualifiedNameContext context) {
        List<String> parts = new ArrayList<>(1 + context.anyIdentifier().size());
        parts.add(identifier(context.identifier()));
        for (AnyIdentifierContext part : context.anyIdentifier()) {
            parts.add(identifier(part));
        }
        return parts;
    }

    private static List<String> identifiers(IdentifierListContext context) {
        if (context == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (IdentifierContext name : context.identifier()) {
            names.add(identifier(name));
        }
        return names;
    }

    private String text(ParserRuleContext context) {
        return input.getText(Interval.of(
                context.getStart().getStartIndex(), context.getStop().getStopIndex()));
    }

    // ----- statements

    Statement statement(StatementContext context) {
        Position position = position(context);
        return switch (context) {
            case QueryStatementContext query -> new Statement.QueryStatement(query(query.query()), position);
            case ExplainContext explain -> explain(explain, position);
            case CreateViewContext view -> createView(view, position);
            case CreateTableContext table -> createTable(table, position);
            case CreateStreamingTableContext table -> createStreamingTable(table, position);
            case InsertContext insert ->
                new Statement.Insert(
                        qualifiedName(insert.qualifiedName()),
                        insert.OVERWRITE() != null,
                        identifiers(insert.identifierList()),
                        query(insert.query()),
                        position);
            case DropContext drop ->
                new Statement.Drop(
                        drop.kind.getType() == FreshetSqlParser.TABLE
                                ? Statement.ObjectKind.TABLE
                                : Statement.ObjectKind.VIEW,
                        qualifiedName(drop.qualifiedName()),
                        drop.EXISTS() != null,
                        position);
            case ShowTablesContext show ->
                new Statement.ShowTables(
                        show.qualifiedName() == null ? null : qualifiedName(show.qualifiedName()),
                        show.pattern == null ? null : ExpressionBuilder.string(show.pattern),
                        position);
            case ShowFunctionsContext show ->
                new Statement.ShowFunctions(
                        show.pattern == null ? null : ExpressionBuilder.string(show.pattern), position);
            case DescribeQueryContext describe -> new Statement.DescribeQuery(query(describe.query()), position);
            case DescribeTableContext describe ->
                new Statement.DescribeTable(
                        qualifiedName(describe.qualifiedName()),
                        describe.EXTENDED() != null || describe.FORMATTED() != null,
                        position);
            case SetConfigContext set -> setConfig(set, position);
            case ResetConfigContext reset ->
                new Statement.ResetConfig(configTail(reset, reset.RESET().getSymbol()), position);
            case UseContext use ->
                throw source.error(
                        ErrorCode.UNSUPPORTED,
                        use.getStart(),
                        "USE is not supported: Freshet has no current database to switch; qualify table names instead");
            default -> throw new IllegalStateException("unexpected statement " + context.getClass());
        };
    }

    private Statement explain(ExplainContext context, Position position) {
        if (context.statement() instanceof ExplainContext nested) {
            throw source.error(nested, "EXPLAIN cannot explain an EXPLAIN; remove one of them");
        }
        Statement.ExplainMode mode = context.explainMode == null
                ? Statement.ExplainMode.SIMPLE
                : context.explainMode.getType() == FreshetSqlParser.EXTENDED
                        ? Statement.ExplainMode.EXTENDED
                        : Statement.ExplainMode.FORMATTED;
        return new Statement.Explain(mode, statement(context.statement()), position);
    }

    private Statement createView(CreateViewContext context, Position position) {
        boolean orReplace = context.REPLACE() != null;
        boolean ifNotExists = context.EXISTS() != null;
        if (orReplace && ifNotExists) {
            throw source.error(context, "CREATE VIEW cannot have both OR REPLACE and IF NOT EXISTS; remove one");
        }
        List<String> columns = new ArrayList<>();
        if (context.viewColumns() != null) {
            for (FreshetSqlParser.ViewColumnContext column :
                    context.viewColumns().viewColumn()) {
                columns.add(identifier(column.identifier()));
            }
        }
        return new Statement.CreateView(
                qualifiedName(context.qualifiedName()),
                orReplace,
                context.TEMP() != null || context.TEMPORARY() != null,
                ifNotExists,
                columns,
                context.comment == null ? null : ExpressionBuilder.string(context.comment),
                query(context.query()),
                text(context.query()),
                position);
    }

    private Statement createTable(CreateTableContext context, Position position) {
        boolean orReplace = context.REPLACE() != null;
        boolean ifNotExists = context.EXISTS() != null;
        if (orReplace && ifNotExists) {
            throw source.error(context, "CREATE TABLE cannot have both OR REPLACE and IF NOT EXISTS; remove one");
        }
        TableSpec spec = tableSpec(context.columnDefinition(), context.format, context.tableClause());
        Query query = context.query() == null ? null : query(context.query());
        return new Statement.CreateTable(
                qualifiedName(context.tableName), orReplace, ifNotExists, spec, query, position);
    }

    private Statement createStreamingTable(CreateStreamingTableContext context, Position position) {
        TableSpec spec = tableSpec(context.columnDefinition(), context.format, context.tableClause());
        return new Statement.CreateStreamingTable(
                qualifiedName(context.tableName),
                context.REFRESH() != null,
                context.EXISTS() != null,
                spec,
                query(context.query()),
                position);
    }

    private TableSpec tableSpec(
            List<ColumnDefinitionContext> columnContexts,
            QualifiedNameContext format,
            List<TableClauseContext> clauses) {
        List<ColumnDefinition> columns = columnDefinitions(columnContexts);
        Map<String, String> options = Map.of();
        List<String> partitionedBy = List.of();
        String location = null;
        String comment = null;
        Map<String, String> properties = Map.of();
        Set<String> seen = new HashSet<>();
        for (TableClauseContext clause : clauses) {
            String name = clause.getStart().getText().toUpperCase(Locale.ROOT);
            String kind = clause instanceof PropertiesClauseContext ? "TBLPROPERTIES" : name;
            if (!seen.add(kind)) {
                throw source.error(clause, "Found duplicate clause: " + name + "; write it once");
            }
            switch (clause) {
                case OptionsClauseContext optionsClause ->
                    options = properties(optionsClause.propertyList(), "OPTIONS");
                case PartitionedByClauseContext partitioned ->
                    partitionedBy = identifiers(partitioned.identifierList());
                case LocationClauseContext locationClause ->
                    location = ExpressionBuilder.string(locationClause.stringLiteral());
                case CommentClauseContext commentClause ->
                    comment = ExpressionBuilder.string(commentClause.stringLiteral());
                case PropertiesClauseContext propertiesClause ->
                    properties = properties(propertiesClause.propertyList(), name);
                default -> throw new IllegalStateException("unexpected table clause " + clause.getClass());
            }
        }
        String formatName = format == null ? null : String.join(".", qualifiedName(format));
        return new TableSpec(columns, formatName, options, partitionedBy, location, comment, properties);
    }

    List<ColumnDefinition> columnDefinitions(List<ColumnDefinitionContext> contexts) {
        List<ColumnDefinition> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ColumnDefinitionContext context : contexts) {
            String name = identifier(context.identifier());
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw source.error(
                        ErrorCode.INVALID_SCHEMA,
                        context.getStart(),
                        "Found duplicate column '" + name + "'; column names are case-insensitive and must differ");
            }
            String comment = context.stringLiteral() == null ? null : ExpressionBuilder.string(context.stringLiteral());
            columns.add(new ColumnDefinition(
                    name, types.dataType(context.dataType()), context.NOT() == null, comment, position(context)));
        }
        return columns;
    }

    private Map<String, String> properties(PropertyListContext context, String clause) {
        Map<String, String> result = new LinkedHashMap<>();
        for (PropertyContext property : context.property()) {
            String key;
            if (property.key.STRING() != null) {
                key = Literals.unescape(property.key.STRING().getText());
            } else {
                key = String.join(".", qualifiedName(property.key.qualifiedName()));
            }
            String value = property.value.stringLiteral() != null
                    ? ExpressionBuilder.string(property.value.stringLiteral())
                    : property.value.getText();
            if (property.value.booleanValue() != null) {
                value = value.toLowerCase(Locale.ROOT);
            }
            for (String existing : result.keySet()) {
                if (existing.equalsIgnoreCase(key)) {
                    throw source.error(property, "Duplicate key '" + key + "' in " + clause + "; write it once");
                }
            }
            result.put(key, value);
        }
        return result;
    }

    private Statement setConfig(SetConfigContext context, Position position) {
        String tail = configTail(context, context.SET().getSymbol());
        if (tail == null) {
            return new Statement.ShowConfig(null, position);
        }
        int equals = tail.indexOf('=');
        String key =
                checkConfigKey(equals < 0 ? tail : tail.substring(0, equals).strip(), context);
        if (equals < 0) {
            return new Statement.ShowConfig(key, position);
        }
        String value = tail.substring(equals + 1).strip();
        if (value.length() >= 2
                && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            value = Literals.unescape(value);
        }
        return new Statement.SetConfig(key, value, position);
    }

    /** The raw text after the {@code SET}/{@code RESET} keyword, or null when there is none. */
    private String configTail(ParserRuleContext context, Token keyword) {
        if (context.getStop() == keyword || context.getStop().getStopIndex() <= keyword.getStopIndex()) {
            return null;
        }
        String tail = input.getText(Interval.of(
                        keyword.getStopIndex() + 1, context.getStop().getStopIndex()))
                .strip();
        if (context instanceof ResetConfigContext) {
            return tail.isEmpty() ? null : checkConfigKey(tail, context);
        }
        return tail.isEmpty() ? null : tail;
    }

    private String checkConfigKey(String key, ParserRuleContext context) {
        String unquoted = key.length() >= 2 && key.startsWith("`") && key.endsWith("`")
                ? key.substring(1, key.length() - 1)
                : key;
        if (!unquoted.matches("[A-Za-z0-9_.\\-]+")) {
            throw source.error(
                    context,
                    "Invalid configuration key '" + key
                            + "'; write SET key = value with a key of letters, digits, '.', '_' and '-'");
        }
        return unquoted;
    }

    // ----- queries

    Query query(QueryContext context) {
        List<Cte> with = new ArrayList<>();
        if (context.ctes() != null) {
            Set<String> names = new HashSet<>();
            for (NamedQueryContext named : context.ctes().namedQuery()) {
                String name = identifier(named.name);
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw source.error(named, "CTE name '" + name + "' is used twice in one WITH clause; rename one");
                }
                with.add(new Cte(name, identifiers(named.identifierList()), query(named.query()), position(named)));
            }
        }
        QueryBody body = queryTerm(context.queryTerm());
        QueryOrganizationContext organization = context.queryOrganization();
        // ORDER BY of a single SELECT may use the windows that its WINDOW clause names.
        QuerySpecificationContext specification = singleSpecification(context.queryTerm());
        pushWindows(specification);
        try {
            List<SortItem> orderBy = expressions.sortItems(organization.sortItem());
            ParsedExpr limit = organization.limit == null ? null : expressions.expression(organization.limit);
            ParsedExpr offset = organization.offset == null ? null : expressions.expression(organization.offset);
            return new Query(with, body, orderBy, limit, offset, position(context));
        } finally {
            windowScopes.pop();
        }
    }

    private static QuerySpecificationContext singleSpecification(QueryTermContext context) {
        if (context instanceof QueryTermDefaultContext term
                && term.queryPrimary() instanceof QueryPrimaryDefaultContext primary) {
            return primary.querySpecification();
        }
        return null;
    }

    private QueryBody queryTerm(QueryTermContext context) {
        return switch (context) {
            case QueryTermDefaultContext term -> queryPrimary(term.queryPrimary());
            case SetOperationContext operation -> setOperation(operation);
            default -> throw new IllegalStateException("unexpected query term " + context.getClass());
        };
    }

    private QueryBody setOperation(SetOperationContext context) {
        SetOperator operator =
                switch (context.operator.getType()) {
                    case FreshetSqlParser.UNION -> SetOperator.UNION;
                    case FreshetSqlParser.INTERSECT -> SetOperator.INTERSECT;
                    default -> SetOperator.EXCEPT;
                };
        boolean all = context.setQuantifier() != null && context.setQuantifier().ALL() != null;
        return new SetOperation(
                operator, all, queryTerm(context.left), queryTerm(context.right), source.position(context.operator));
    }

    private QueryBody queryPrimary(QueryPrimaryContext context) {
        return switch (context) {
            case QueryPrimaryDefaultContext primary -> select(primary.querySpecification());
            case ValuesQueryContext values -> values(values.valuesRow(), values);
            case ParenthesizedQueryContext parenthesized -> {
                Query query = query(parenthesized.query());
                yield query.isBodyOnly() ? query.body() : query;
            }
            default -> throw new IllegalStateException("unexpected query primary " + context.getClass());
        };
    }

    private Values values(List<ValuesRowContext> rowContexts, ParserRuleContext context) {
        List<List<ParsedExpr>> rows = new ArrayList<>();
        for (ValuesRowContext row : rowContexts) {
            rows.add(expressions.expressions(row.expression()));
        }
        return new Values(rows, position(context));
    }

    private Select select(QuerySpecificationContext context) {
        pushWindows(context);
        try {
            boolean distinct =
                    context.setQuantifier() != null && context.setQuantifier().DISTINCT() != null;
            List<ParsedExpr> items = expressions.expressions(context.namedExpression());
            Relation from = context.fromClause() == null
                    ? null
                    : from(context.fromClause().relation());
            ParsedExpr where = context.where == null ? null : expressions.visit(context.where);
            GroupBy groupBy = context.groupByClause() == null ? null : groupBy(context.groupByClause());
            ParsedExpr having = context.having == null ? null : expressions.visit(context.having);
            ParsedExpr qualify = context.qualify == null ? null : expressions.visit(context.qualify);
            return new Select(distinct, items, from, where, groupBy, having, qualify, position(context));
        } finally {
            windowScopes.pop();
        }
    }

    private GroupBy groupBy(GroupByClauseContext context) {
        if (context.groupByList() instanceof GroupByAllContext) {
            return GroupBy.groupByAll();
        }
        GroupByElementsContext elements = (GroupByElementsContext) context.groupByList();
        List<GroupingElement> result = new ArrayList<>();
        for (GroupingElementContext element : elements.groupingElement()) {
            result.add(groupingElement(element));
        }
        if (elements.kind != null) {
            List<ParsedExpr> exprs = new ArrayList<>();
            for (GroupingElement element : result) {
                if (!(element instanceof GroupingElement.Single single)) {
                    throw source.error(
                            elements.kind,
                            "WITH " + elements.kind.getText().toUpperCase(Locale.ROOT)
                                    + " applies to plain grouping expressions only");
                }
                exprs.add(single.expr());
            }
            return new GroupBy(
                    false,
                    List.of(
                            elements.kind.getType() == FreshetSqlParser.ROLLUP
                                    ? new GroupingElement.Rollup(exprs)
                                    : new GroupingElement.Cube(exprs)));
        }
        return new GroupBy(false, result);
    }

    private GroupingElement groupingElement(GroupingElementContext context) {
        return switch (context) {
            case SingleGroupingContext single ->
                new GroupingElement.Single(expressions.expression(single.expression()));
            case RollupContext rollup -> new GroupingElement.Rollup(expressions.expressions(rollup.expression()));
            case CubeContext cube -> new GroupingElement.Cube(expressions.expressions(cube.expression()));
            case GroupingSetsContext sets -> {
                List<List<ParsedExpr>> result = new ArrayList<>();
                for (GroupingSetContext set : sets.groupingSet()) {
                    result.add(expressions.expressions(set.expression()));
                }
                yield new GroupingElement.GroupingSets(result);
            }
            default -> throw new IllegalStateException("unexpected grouping element " + context.getClass());
        };
    }

    // ----- named windows

    /** Opens the window scope of a SELECT (empty without a WINDOW clause, or for a null context). */
    private void pushWindows(QuerySpecificationContext context) {
        Map<String, WindowSpec> windows = new HashMap<>();
        windowScopes.push(windows);
        if (context == null || context.windowClause() == null) {
            return;
        }
        for (NamedWindowContext named : context.windowClause().namedWindow()) {
            String name = identifier(named.name).toLowerCase(Locale.ROOT);
            if (windows.containsKey(name)) {
                throw source.error(named, "Window '" + identifier(named.name) + "' is defined twice; rename one");
            }
            windows.put(name, expressions.windowSpec(named.windowSpec()));
        }
    }

    /** The window named {@code name} in the innermost SELECT that defines it. */
    WindowSpec namedWindow(IdentifierContext name) {
        String key = identifier(name).toLowerCase(Locale.ROOT);
        for (Map<String, WindowSpec> scope : windowScopes) {
            WindowSpec spec = scope.get(key);
            if (spec != null) {
                return spec;
            }
        }
        throw source.error(
                ErrorCode.INVALID_WINDOW,
                name.getStart(),
                "Window '" + identifier(name) + "' is not defined; add WINDOW " + identifier(name)
                        + " AS (PARTITION BY … ORDER BY …) after HAVING, or write the window after OVER");
    }

    // ----- relations

    private Relation from(List<RelationContext> relations) {
        Relation result = relation(relations.get(0));
        for (int i = 1; i < relations.size(); i++) {
            RelationContext next = relations.get(i);
            result = new Relation.Join(
                    JoinType.CROSS, result, relation(next), new JoinCriteria.NoCondition(), position(next));
        }
        return result;
    }

    private Relation relation(RelationContext context) {
        Relation result = relationPrimary(context.relationPrimary());
        for (JoinRelationContext join : context.joinRelation()) {
            result = join(result, join);
        }
        return result;
    }

    private Relation join(Relation left, JoinRelationContext context) {
        Relation right = relationPrimary(context.right);
        JoinType type = joinType(context.joinType());
        JoinCriteria criteria;
        if (context.NATURAL() != null) {
            if (type == JoinType.CROSS) {
                throw source.error(context, "NATURAL CROSS JOIN is not supported; use CROSS JOIN or NATURAL JOIN");
            }
            criteria = new JoinCriteria.Natural();
        } else if (context.joinCriteria() == null) {
            criteria = new JoinCriteria.NoCondition();
        } else if (context.joinCriteria().ON() != null) {
            criteria =
                    new JoinCriteria.On(expressions.visit(context.joinCriteria().booleanExpression()));
            if (type == JoinType.CROSS) {
                type = JoinType.INNER;
            }
        } else {
            criteria = new JoinCriteria.Using(identifiers(context.joinCriteria().identifierList()));
        }
        return new Relation.Join(type, left, right, criteria, position(context));
    }

    private static JoinType joinType(JoinTypeContext context) {
        if (context.CROSS() != null) {
            return JoinType.CROSS;
        }
        if (context.SEMI() != null) {
            return JoinType.SEMI;
        }
        if (context.ANTI() != null) {
            return JoinType.ANTI;
        }
        if (context.LEFT() != null) {
            return JoinType.LEFT;
        }
        if (context.RIGHT() != null) {
            return JoinType.RIGHT;
        }
        if (context.FULL() != null) {
            return JoinType.FULL;
        }
        return JoinType.INNER;
    }

    private Relation relationPrimary(RelationPrimaryContext context) {
        Position position = position(context);
        return switch (context) {
            case StreamTableContext stream ->
                new Relation.TableRef(
                        qualifiedName(stream.qualifiedName()),
                        true,
                        watermark(stream.watermarkClause()),
                        tableAlias(stream.tableAlias()),
                        position);
            case TableNameContext table ->
                new Relation.TableRef(
                        qualifiedName(table.qualifiedName()),
                        false,
                        watermark(table.watermarkClause()),
                        tableAlias(table.tableAlias()),
                        position);
            case AliasedQueryContext aliased ->
                new Relation.SubqueryRelation(query(aliased.query()), tableAlias(aliased.tableAlias()), position);
            case ParenthesizedRelationContext parenthesized -> relation(parenthesized.relation());
            case InlineTableContext inline ->
                new Relation.SubqueryRelation(
                        Query.of(values(inline.valuesRow(), inline)), tableAlias(inline.tableAlias()), position);
            case TableFunctionContext function ->
                new Relation.TableFunction(
                        ExpressionBuilder.functionName(function.functionName()),
                        expressions.expressions(function.expression()),
                        tableAlias(function.tableAlias()),
                        position);
            default -> throw new IllegalStateException("unexpected relation " + context.getClass());
        };
    }

    private Watermark watermark(WatermarkClauseContext context) {
        if (context == null) {
            return null;
        }
        ParsedExpr column =
                new ParsedExpr.Identifier(qualifiedName(context.qualifiedName()), position(context.qualifiedName()));
        long delay = expressions.intervalMicros(context.interval());
        if (delay < 0) {
            throw source.error(context.interval(), "The watermark delay must not be negative");
        }
        return new Watermark(column, delay, position(context));
    }

    private static TableAlias tableAlias(TableAliasContext context) {
        if (context == null || context.getChildCount() == 0) {
            return null;
        }
        String name = context.identifier() != null
                ? identifier(context.identifier())
                : identifier(context.strictIdentifier());
        return new TableAlias(name, identifiers(context.identifierList()));
    }
}
