/*
 * Freshet's SQL dialect: Spark SQL's query and DDL syntax plus the streaming clauses
 * (FROM STREAM t WATERMARK ts DELAY OF INTERVAL ..., CREATE OR REFRESH STREAMING TABLE).
 *
 * Written for Freshet. Keywords are case-insensitive. Most keywords are non-reserved and may be
 * used as identifiers (a column named date, window, value, key, comment, timestamp, count, ...);
 * the reserved ones are listed in the `reserved` comment below, and the clause keywords in
 * `clauseKeyword` may be identifiers but not implicit aliases (`SELECT a limit` would be ambiguous).
 *
 * The hand-written visitor in io.freshet.sql (AstBuilder, ExpressionBuilder) turns the parse tree
 * into the AST of io.freshet.sql.ast and io.freshet.plan.parsed.ParsedExpr.
 */
grammar FreshetSql;

options {
    caseInsensitive = true;
}

// ---------------------------------------------------------------------------------------------
// Entry points

singleStatement
    : statement SEMICOLON* EOF
    ;

singleExpression
    : namedExpression EOF
    ;

singleDataType
    : dataType EOF
    ;

singleSchema
    : (columnDefinition (COMMA columnDefinition)*)? EOF
    ;

// ---------------------------------------------------------------------------------------------
// Statements

statement
    : query                                                                 #queryStatement
    | EXPLAIN explainMode=(EXTENDED | FORMATTED)? statement                        #explain
    | CREATE (OR REPLACE)? (TEMP | TEMPORARY)? VIEW (IF NOT EXISTS)?
        qualifiedName viewColumns? (COMMENT comment=stringLiteral)? AS query   #createView
    | CREATE (OR REPLACE)? TABLE (IF NOT EXISTS)? tableName=qualifiedName
        (LEFT_PAREN columnDefinition (COMMA columnDefinition)* RIGHT_PAREN)?
        (USING format=qualifiedName)? tableClause* (AS? query)?             #createTable
    | CREATE (OR REFRESH)? STREAMING TABLE (IF NOT EXISTS)? tableName=qualifiedName
        (LEFT_PAREN columnDefinition (COMMA columnDefinition)* RIGHT_PAREN)?
        (USING format=qualifiedName)? tableClause* AS query                 #createStreamingTable
    | INSERT (INTO | OVERWRITE) TABLE? qualifiedName identifierList? query  #insert
    | DROP kind=(TABLE | VIEW) (IF EXISTS)? qualifiedName                    #drop
    | SHOW TABLES ((FROM | IN) qualifiedName)? (LIKE? pattern=stringLiteral)? #showTables
    | SHOW FUNCTIONS (LIKE? pattern=stringLiteral)?                         #showFunctions
    | (DESC | DESCRIBE) QUERY? query                                        #describeQuery
    | (DESC | DESCRIBE) TABLE? (EXTENDED | FORMATTED)? qualifiedName        #describeTable
    | SET (~SEMICOLON)*                                                     #setConfig
    | RESET (~SEMICOLON)*                                                   #resetConfig
    | USE qualifiedName                                                     #use
    ;

viewColumns
    : LEFT_PAREN viewColumn (COMMA viewColumn)* RIGHT_PAREN
    ;

viewColumn
    : identifier (COMMENT stringLiteral)?
    ;

columnDefinition
    : identifier dataType (NOT NULL)? (COMMENT stringLiteral)?
    ;

tableClause
    : OPTIONS propertyList                                          #optionsClause
    | PARTITIONED BY identifierList                                 #partitionedByClause
    | LOCATION stringLiteral                                        #locationClause
    | COMMENT stringLiteral                                         #commentClause
    | (TBLPROPERTIES | WITH) propertyList                           #propertiesClause
    ;

propertyList
    : LEFT_PAREN property (COMMA property)* RIGHT_PAREN
    ;

property
    : key=propertyKey EQ? value=propertyValue
    ;

propertyKey
    : qualifiedName
    | STRING
    ;

propertyValue
    : stringLiteral
    | MINUS? number
    | booleanValue
    | identifier
    ;

// ---------------------------------------------------------------------------------------------
// Queries

query
    : ctes? queryTerm queryOrganization
    ;

ctes
    : WITH namedQuery (COMMA namedQuery)*
    ;

namedQuery
    : name=identifier identifierList? AS? LEFT_PAREN query RIGHT_PAREN
    ;

queryOrganization
    : (ORDER BY sortItem (COMMA sortItem)*)?
      (LIMIT (ALL | limit=expression))?
      (OFFSET offset=expression)?
    ;

// INTERSECT binds tighter than UNION and EXCEPT, which are left-associative at the same level.
queryTerm
    : queryPrimary                                                                  #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm              #setOperation
    | left=queryTerm operator=(UNION | EXCEPT | MINUS_KEYWORD) setQuantifier? right=queryTerm #setOperation
    ;

queryPrimary
    : querySpecification                                    #queryPrimaryDefault
    | VALUES valuesRow (COMMA valuesRow)*                    #valuesQuery
    | LEFT_PAREN query RIGHT_PAREN                          #parenthesizedQuery
    ;

valuesRow
    : LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN
    | expression
    ;

querySpecification
    : SELECT setQuantifier? namedExpression (COMMA namedExpression)*
      fromClause?
      (WHERE where=booleanExpression)?
      groupByClause?
      (HAVING having=booleanExpression)?
      windowClause?
      (QUALIFY qualify=booleanExpression)?
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

fromClause
    : FROM relation (COMMA relation)*
    ;

groupByClause
    : GROUP BY groupByList
    ;

groupByList
    : ALL                                                                   #groupByAll
    | groupingElement (COMMA groupingElement)* (WITH kind=(ROLLUP | CUBE))? #groupByElements
    ;

groupingElement
    : ROLLUP LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN               #rollup
    | CUBE LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN                 #cube
    | GROUPING SETS LEFT_PAREN groupingSet (COMMA groupingSet)* RIGHT_PAREN         #groupingSets
    | expression                                                                    #singleGrouping
    ;

groupingSet
    : LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN
    | expression
    ;

windowClause
    : WINDOW namedWindow (COMMA namedWindow)*
    ;

namedWindow
    : name=identifier AS windowSpec
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrder=(FIRST | LAST))?
    ;

// ---------------------------------------------------------------------------------------------
// Relations

relation
    : relationPrimary joinRelation*
    ;

joinRelation
    : joinType JOIN right=relationPrimary joinCriteria?
    | NATURAL joinType JOIN right=relationPrimary
    ;

joinType
    : INNER?
    | CROSS
    | LEFT OUTER?
    | LEFT? SEMI
    | LEFT? ANTI
    | RIGHT OUTER?
    | FULL OUTER?
    ;

joinCriteria
    : ON booleanExpression
    | USING identifierList
    ;

relationPrimary
    : STREAM LEFT_PAREN qualifiedName RIGHT_PAREN watermarkClause? tableAlias     #streamTable
    | STREAM qualifiedName watermarkClause? tableAlias                            #streamTable
    | qualifiedName watermarkClause? tableAlias                                   #tableName
    | LEFT_PAREN query RIGHT_PAREN tableAlias                                     #aliasedQuery
    | LEFT_PAREN relation RIGHT_PAREN                                             #parenthesizedRelation
    | VALUES valuesRow (COMMA valuesRow)* tableAlias                              #inlineTable
    | functionName LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN tableAlias #tableFunction
    ;

watermarkClause
    : WATERMARK qualifiedName DELAY OF interval
    ;

tableAlias
    : (AS identifier identifierList? | strictIdentifier identifierList?)?
    ;

identifierList
    : LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    ;

// ---------------------------------------------------------------------------------------------
// Expressions

namedExpression
    : expression (AS identifier | strictIdentifier)?
    ;

expression
    : booleanExpression
    ;

booleanExpression
    : (NOT | BANG) booleanExpression                                    #logicalNot
    | EXISTS LEFT_PAREN query RIGHT_PAREN                               #exists
    | valueExpression predicate?                                        #predicated
    | left=booleanExpression operator=AND right=booleanExpression       #logicalBinary
    | left=booleanExpression operator=OR right=booleanExpression        #logicalBinary
    ;

predicate
    : NOT? BETWEEN lower=valueExpression AND upper=valueExpression                   #betweenPredicate
    | NOT? IN LEFT_PAREN query RIGHT_PAREN                                           #inSubqueryPredicate
    | NOT? IN LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN                  #inListPredicate
    | NOT? kind=(RLIKE | REGEXP) pattern=valueExpression                             #regexPredicate
    | NOT? kind=(LIKE | ILIKE) pattern=valueExpression (ESCAPE escape=stringLiteral)? #likePredicate
    | IS NOT? kind=(NULL | UNKNOWN)                                                  #nullPredicate
    | IS NOT? kind=(TRUE | FALSE)                                                    #truthPredicate
    | IS NOT? DISTINCT FROM right=valueExpression                                    #distinctFromPredicate
    ;

valueExpression
    : primaryExpression                                                                         #valuePrimary
    | operator=(MINUS | PLUS | TILDE) valueExpression                                           #arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT | DIV) right=valueExpression     #arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS | CONCAT_PIPE) right=valueExpression           #arithmeticBinary
    | left=valueExpression operator=AMPERSAND right=valueExpression                             #arithmeticBinary
    | left=valueExpression operator=HAT right=valueExpression                                   #arithmeticBinary
    | left=valueExpression operator=PIPE right=valueExpression                                  #arithmeticBinary
    | left=valueExpression comparisonOperator right=valueExpression                             #comparison
    ;

comparisonOperator
    : EQ | DOUBLE_EQ | NEQ | NEQJ | LT | LTE | GT | GTE | NSEQ
    ;

primaryExpression
    : CASE whenClause+ (ELSE elseExpression=expression)? END                        #searchedCase
    | CASE operand=expression whenClause+ (ELSE elseExpression=expression)? END      #simpleCase
    | kind=(CAST | TRY_CAST) LEFT_PAREN expression AS dataType RIGHT_PAREN           #cast
    | EXTRACT LEFT_PAREN field=identifier FROM source=valueExpression RIGHT_PAREN    #extract
    | (SUBSTRING | SUBSTR) LEFT_PAREN str=valueExpression FROM pos=valueExpression
        (FOR len=valueExpression)? RIGHT_PAREN                                       #substring
    | TRIM LEFT_PAREN trimOption=(BOTH | LEADING | TRAILING)? trimString=valueExpression?
        FROM source=valueExpression RIGHT_PAREN                                      #trim
    | POSITION LEFT_PAREN substr=valueExpression IN str=valueExpression RIGHT_PAREN  #position
    | constant                                                                       #constantDefault
    | ASTERISK starExcept?                                                           #star
    | qualifiedName DOT ASTERISK starExcept?                                         #star
    | LEFT_PAREN expression (COMMA expression)+ RIGHT_PAREN                          #rowConstructor
    | LEFT_PAREN query RIGHT_PAREN                                                   #subqueryExpression
    | functionCall                                                                   #functionCallExpression
    | identifier                                                                     #columnReference
    | base=primaryExpression DOT fieldName=anyIdentifier                             #dereference
    | LEFT_PAREN expression RIGHT_PAREN                                              #parenthesizedExpression
    | value=primaryExpression LEFT_BRACKET index=valueExpression RIGHT_BRACKET       #subscript
    | primaryExpression DOUBLE_COLON dataType                                        #colonCast
    ;

starExcept
    : EXCEPT LEFT_PAREN qualifiedName (COMMA qualifiedName)* RIGHT_PAREN
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

functionCall
    : functionName LEFT_PAREN (setQuantifier? functionArgument (COMMA functionArgument)*)? RIGHT_PAREN
      (FILTER LEFT_PAREN WHERE filter=booleanExpression RIGHT_PAREN)?
      (nullsOption=(IGNORE | RESPECT) NULLS)?
      (OVER windowSpec)?
    ;

// struct(1 AS a, 'x' AS b) names its fields
functionArgument
    : expression (AS identifier)?
    ;

functionName
    : qualifiedName
    | LEFT
    | RIGHT
    ;

windowSpec
    : name=identifier
    | LEFT_PAREN name=identifier RIGHT_PAREN
    | LEFT_PAREN
        (PARTITION BY partition+=expression (COMMA partition+=expression)*)?
        (ORDER BY sortItem (COMMA sortItem)*)?
        windowFrame?
      RIGHT_PAREN
    ;

windowFrame
    : frameType=(ROWS | RANGE) start=frameBound
    | frameType=(ROWS | RANGE) BETWEEN start=frameBound AND end=frameBound
    ;

frameBound
    : UNBOUNDED boundType=(PRECEDING | FOLLOWING)
    | CURRENT ROW
    | offset=valueExpression boundType=(PRECEDING | FOLLOWING)
    ;

constant
    : NULL                                                   #nullLiteral
    | interval                                               #intervalLiteral
    | kind=(DATE | TIMESTAMP | TIMESTAMP_NTZ | TIMESTAMP_LTZ) stringLiteral #typedLiteral
    | number                                                 #numericLiteral
    | booleanValue                                           #booleanLiteral
    | stringLiteral                                          #stringConstant
    ;

stringLiteral
    : STRING+
    ;

booleanValue
    : TRUE
    | FALSE
    ;

number
    : INTEGER_VALUE
    | BIGINT_LITERAL
    | SMALLINT_LITERAL
    | TINYINT_LITERAL
    | DECIMAL_VALUE
    | EXPONENT_VALUE
    | DOUBLE_LITERAL
    | FLOAT_LITERAL
    | BIGDECIMAL_LITERAL
    ;

// INTERVAL '5' MINUTE, INTERVAL 5 MINUTES, INTERVAL '1' HOUR 30 MINUTES,
// INTERVAL '1 02:03:04' DAY TO SECOND, INTERVAL '10 minutes'.
interval
    : INTERVAL intervalValue from=identifier TO to=identifier    #rangeInterval
    | INTERVAL (intervalValue intervalUnit+=identifier)+         #unitInterval
    | INTERVAL stringLiteral                                     #stringInterval
    ;

intervalValue
    : (PLUS | MINUS)? (INTEGER_VALUE | DECIMAL_VALUE)
    | stringLiteral
    ;

// ---------------------------------------------------------------------------------------------
// Data types

dataType
    : ARRAY LT dataType GT                                                   #arrayType
    | STRUCT (LT (structField (COMMA structField)*)? GT | NEQ)               #structType
    | MAP LT dataType COMMA dataType GT                                      #mapType
    | INTERVAL (from=identifier (TO to=identifier)?)?                        #intervalType
    | typeName=(IDENTIFIER | DATE | TIMESTAMP | TIMESTAMP_LTZ | TIMESTAMP_NTZ)
        (LEFT_PAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RIGHT_PAREN)?      #primitiveType
    ;

structField
    : anyIdentifier COLON? dataType (NOT NULL)? (COMMENT stringLiteral)?
    ;

// ---------------------------------------------------------------------------------------------
// Identifiers

qualifiedName
    : identifier (DOT anyIdentifier)*
    ;

// After a dot, even reserved words name a field or table: w.end, t.from.
anyIdentifier
    : identifier
    | reservedKeyword
    ;

// Any identifier: plain, backquoted, or a non-reserved keyword.
identifier
    : strictIdentifier
    | clauseKeyword
    ;

// An identifier that may stand as an implicit alias (without AS).
strictIdentifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    | nonReserved
    ;

// Keywords that start or continue a clause after an expression or a relation: identifiers, but
// never implicit aliases. (Reserved and never identifiers: ALL AND ANTI AS BETWEEN BY CASE CAST
// CROSS DISTINCT ELSE END EXCEPT EXISTS FALSE FROM FULL GROUP HAVING ILIKE IN INNER INTERSECT
// INTERVAL IS JOIN LEFT LIKE MINUS NATURAL NOT NULL ON OR ORDER OUTER REGEXP RIGHT RLIKE SELECT
// SEMI TABLE THEN TRUE TRY_CAST UNION USING VALUES WHEN WHERE WITH.)
clauseKeyword
    : DELAY | DIV | ESCAPE | FILTER | IGNORE | LIMIT | OFFSET | OVER | QUALIFY | RESPECT | TO
    | WATERMARK | WINDOW
    ;

reservedKeyword
    : ALL | AND | ANTI | AS | BETWEEN | BY | CASE | CAST | CROSS | DISTINCT | ELSE | END | EXCEPT | EXISTS
    | FALSE | FROM | FULL | GROUP | HAVING | ILIKE | IN | INNER | INTERSECT | INTERVAL | IS | JOIN | LEFT
    | LIKE | MINUS_KEYWORD | NATURAL | NOT | NULL | ON | OR | ORDER | OUTER | REGEXP | RIGHT | RLIKE | SELECT
    | SEMI | TABLE | THEN | TRUE | TRY_CAST | UNION | USING | VALUES | WHEN | WHERE | WITH
    ;

nonReserved
    : ARRAY | ASC | BOTH | COMMENT | CREATE | CUBE | CURRENT | DATE | DESC | DESCRIBE | DROP
    | EXPLAIN | EXTENDED | EXTRACT | FIRST | FOLLOWING | FOR | FORMATTED | FUNCTIONS | GROUPING
    | IF | INSERT | INTO | LAST | LEADING | LOCATION | MAP | NULLS | OF | OPTIONS | OVERWRITE
    | PARTITION | PARTITIONED | POSITION | PRECEDING | QUERY | RANGE | REFRESH | REPLACE | RESET
    | ROLLUP | ROW | ROWS | SET | SETS | SHOW | STREAM | STREAMING | STRUCT | SUBSTR | SUBSTRING
    | TABLES | TBLPROPERTIES | TEMP | TEMPORARY | TIMESTAMP | TIMESTAMP_LTZ | TIMESTAMP_NTZ
    | TRAILING | TRIM | UNBOUNDED | UNKNOWN | USE | VIEW
    ;

// ---------------------------------------------------------------------------------------------
// Lexer

SEMICOLON: ';';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
LEFT_BRACKET: '[';
RIGHT_BRACKET: ']';
COMMA: ',';
DOT: '.';
DOUBLE_COLON: '::';
COLON: ':';

EQ: '=';
DOUBLE_EQ: '==';
NSEQ: '<=>';
NEQ: '<>';
NEQJ: '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
BANG: '!';

PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
TILDE: '~';
AMPERSAND: '&';
PIPE: '|';
CONCAT_PIPE: '||';
HAT: '^';

ALL: 'ALL';
AND: 'AND';
ANTI: 'ANTI';
ARRAY: 'ARRAY';
AS: 'AS';
ASC: 'ASC';
BETWEEN: 'BETWEEN';
BOTH: 'BOTH';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
COMMENT: 'COMMENT';
CREATE: 'CREATE';
CROSS: 'CROSS';
CUBE: 'CUBE';
CURRENT: 'CURRENT';
DATE: 'DATE';
DELAY: 'DELAY';
DESC: 'DESC';
DESCRIBE: 'DESCRIBE';
DISTINCT: 'DISTINCT';
DIV: 'DIV';
DROP: 'DROP';
ELSE: 'ELSE';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTENDED: 'EXTENDED';
EXTRACT: 'EXTRACT';
FALSE: 'FALSE';
FILTER: 'FILTER';
FIRST: 'FIRST';
FOLLOWING: 'FOLLOWING';
FOR: 'FOR';
FORMATTED: 'FORMATTED';
FROM: 'FROM';
FULL: 'FULL';
FUNCTIONS: 'FUNCTIONS';
GROUP: 'GROUP';
GROUPING: 'GROUPING';
HAVING: 'HAVING';
IF: 'IF';
IGNORE: 'IGNORE';
ILIKE: 'ILIKE';
IN: 'IN';
INNER: 'INNER';
INSERT: 'INSERT';
INTERSECT: 'INTERSECT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IS: 'IS';
JOIN: 'JOIN';
LAST: 'LAST';
LEADING: 'LEADING';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
LOCATION: 'LOCATION';
MAP: 'MAP';
MINUS_KEYWORD: 'MINUS';
NATURAL: 'NATURAL';
NOT: 'NOT';
NULL: 'NULL';
NULLS: 'NULLS';
OF: 'OF';
OFFSET: 'OFFSET';
ON: 'ON';
OPTIONS: 'OPTIONS';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
OVER: 'OVER';
OVERWRITE: 'OVERWRITE';
PARTITION: 'PARTITION';
PARTITIONED: 'PARTITIONED';
POSITION: 'POSITION';
PRECEDING: 'PRECEDING';
QUALIFY: 'QUALIFY';
QUERY: 'QUERY';
RANGE: 'RANGE';
REFRESH: 'REFRESH';
REGEXP: 'REGEXP';
REPLACE: 'REPLACE';
RESET: 'RESET';
RESPECT: 'RESPECT';
RIGHT: 'RIGHT';
RLIKE: 'RLIKE';
ROLLUP: 'ROLLUP';
ROW: 'ROW';
ROWS: 'ROWS';
SELECT: 'SELECT';
SEMI: 'SEMI';
SET: 'SET';
SETS: 'SETS';
SHOW: 'SHOW';
STREAM: 'STREAM';
STREAMING: 'STREAMING';
STRUCT: 'STRUCT';
SUBSTR: 'SUBSTR';
SUBSTRING: 'SUBSTRING';
TABLE: 'TABLE';
TABLES: 'TABLES';
TBLPROPERTIES: 'TBLPROPERTIES';
TEMP: 'TEMP';
TEMPORARY: 'TEMPORARY';
THEN: 'THEN';
TIMESTAMP: 'TIMESTAMP';
TIMESTAMP_LTZ: 'TIMESTAMP_LTZ';
TIMESTAMP_NTZ: 'TIMESTAMP_NTZ';
TO: 'TO';
TRAILING: 'TRAILING';
TRIM: 'TRIM';
TRUE: 'TRUE';
TRY_CAST: 'TRY_CAST';
UNBOUNDED: 'UNBOUNDED';
UNION: 'UNION';
UNKNOWN: 'UNKNOWN';
USE: 'USE';
USING: 'USING';
VALUES: 'VALUES';
VIEW: 'VIEW';
WATERMARK: 'WATERMARK';
WHEN: 'WHEN';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';

// '...' or "..." with backslash escapes; adjacent literals are concatenated by the parser.
STRING
    : '\'' (~['\\] | '\\' .)* '\''
    | '"' (~["\\] | '\\' .)* '"'
    ;

// A string literal that runs to the end of the input; the parser reports it as unclosed.
UNCLOSED_STRING
    : '\'' (~['\\] | '\\' .)* '\\'?
    | '"' (~["\\] | '\\' .)* '\\'?
    ;

BIGINT_LITERAL: DIGIT+ 'L';
SMALLINT_LITERAL: DIGIT+ 'S';
TINYINT_LITERAL: DIGIT+ 'Y';
INTEGER_VALUE: DIGIT+;
EXPONENT_VALUE: (DIGIT+ | DECIMAL_DIGITS) EXPONENT;
DECIMAL_VALUE: DECIMAL_DIGITS;
DOUBLE_LITERAL: (DIGIT+ | DECIMAL_DIGITS) EXPONENT? 'D';
FLOAT_LITERAL: (DIGIT+ | DECIMAL_DIGITS) EXPONENT? 'F';
BIGDECIMAL_LITERAL: (DIGIT+ | DECIMAL_DIGITS) EXPONENT? 'BD';

IDENTIFIER: (LETTER | '_') (LETTER | DIGIT | '_')*;

BACKQUOTED_IDENTIFIER: '`' (~'`' | '``')* '`';

// A backquoted name that runs to the end of the input; the parser reports it as unclosed.
UNCLOSED_BACKQUOTED_IDENTIFIER: '`' (~'`' | '``')*;

fragment DECIMAL_DIGITS: DIGIT+ '.' DIGIT* | '.' DIGIT+;
fragment EXPONENT: 'E' [+-]? DIGIT+;
fragment DIGIT: [0-9];
fragment LETTER: [a-z] | [\p{L}];

SIMPLE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);

// Nested like Spark's; an unclosed comment runs to the end of the input and SqlParser reports it.
BRACKETED_COMMENT: '/*' (BRACKETED_COMMENT | .)*? ('*/' | EOF) -> channel(HIDDEN);

WS: [ \t\r\n\f\u000B]+ -> channel(HIDDEN);

// Any other character; the parser reports it as a syntax error instead of the lexer dropping it.
UNRECOGNIZED: .;
