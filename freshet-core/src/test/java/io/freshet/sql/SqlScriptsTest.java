package io.freshet.sql;

import io.freshet.AnalysisException;
import io.freshet.plan.parsed.Position;
import io.freshet.sql.SqlScripts.ScriptStatement;
import io.freshet.sql.ast.Select;
import io.freshet.sql.ast.Statement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlScriptsTest {

    @Test
    void splitsOnSemicolonsAndKeepsPositions() {
        assertThat(SqlScripts.split("SELECT 1; SELECT 2;\n  SELECT 3"))
                .containsExactly(
                        new ScriptStatement("SELECT 1", 1, 1),
                        new ScriptStatement("SELECT 2", 1, 11),
                        new ScriptStatement("SELECT 3", 2, 3));
    }

    @Test
    void skipsEmptyStatementsAndCommentOnlyOnes() {
        assertThat(SqlScripts.split(";;\n  ; -- just a comment\n; /* and another */ ;"))
                .isEmpty();
        assertThat(SqlScripts.split("")).isEmpty();
        assertThat(SqlScripts.split(";SELECT 1;;;SELECT 2;"))
                .extracting(ScriptStatement::text)
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void semicolonsInCommentsStringsAndNamesDoNotSplit() {
        String script = """
                -- setup; not a statement end
                CREATE TABLE t (a STRING) USING memory; /* a comment; with semicolons;
                   over lines */ INSERT INTO t VALUES ('x;y'), ("p;q"), ('it\\'s;');
                SELECT `odd;name` FROM t -- trailing; comment
                ;""";
        assertThat(SqlScripts.split(script))
                .containsExactly(
                        new ScriptStatement("CREATE TABLE t (a STRING) USING memory", 2, 1),
                        new ScriptStatement("INSERT INTO t VALUES ('x;y'), (\"p;q\"), ('it\\'s;')", 3, 18),
                        new ScriptStatement("SELECT `odd;name` FROM t", 4, 1));
    }

    @Test
    void commentsInsideAStatementStayInItsText() {
        assertThat(SqlScripts.split("SELECT a -- the a\n  , b /* b */ FROM t;"))
                .containsExactly(new ScriptStatement("SELECT a -- the a\n  , b /* b */ FROM t", 1, 1));
    }

    @Test
    void anUnclosedStringRunsToTheEndOfTheScript() {
        assertThat(SqlScripts.split("SELECT 'abc; SELECT 2;"))
                .containsExactly(new ScriptStatement("SELECT 'abc; SELECT 2;", 1, 1));
    }

    @Test
    void anUnclosedCommentIsKeptSoThatParsingReportsIt() {
        assertThat(SqlScripts.split("SELECT 1 /* oops; SELECT 2;"))
                .containsExactly(new ScriptStatement("SELECT 1 /* oops; SELECT 2;", 1, 1));
        assertThatThrownBy(() -> SqlParser.parseStatements("SELECT 1;\nSELECT 2 /* oops; SELECT 3"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("The comment starting here is not closed; add */ (line 2:10)");
    }

    @Test
    void statementsParseAtTheirScriptPositions() {
        String script = "SELECT 1;\n\n  SELECT a,\n    b FROM t;";
        ScriptStatement second = SqlScripts.split(script).get(1);
        Statement statement = SqlParser.parseStatement(second.text(), second.line(), second.column());
        assertThat(statement.position()).isEqualTo(new Position(3, 3));
        Select select = (Select) ((Statement.QueryStatement) statement).query().body();
        assertThat(select.items().get(0).position()).isEqualTo(new Position(3, 10));
        assertThat(select.items().get(1).position()).isEqualTo(new Position(4, 5));
    }

    @Test
    void handlesTextBeyondTheBasicMultilingualPlane() {
        assertThat(SqlScripts.split("SELECT '😀;x' AS e; SELECT 2"))
                .containsExactly(
                        new ScriptStatement("SELECT '😀;x' AS e", 1, 1), new ScriptStatement("SELECT 2", 1, 20));
    }
}
