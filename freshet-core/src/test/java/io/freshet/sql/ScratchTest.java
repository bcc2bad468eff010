package io.freshet.sql;

import io.freshet.sql.ast.AstPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() throws Exception {
        for (String line : Files.readAllLines(Path.of("/tmp/scratch.sql"))) {
            if (line.isBlank()) continue;
            try {
                if (line.startsWith("E:")) {
                    System.out.println("E> " + line.substring(2) + "\n   "
                            + AstPrinter.print(SqlParser.parseExpression(line.substring(2))));
                } else {
                    System.out.println("S> " + line + "\n   " + AstPrinter.print(SqlParser.parseStatement(line)));
                }
            } catch (Exception e) {
                System.out.println("X> " + line + "\n   " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
