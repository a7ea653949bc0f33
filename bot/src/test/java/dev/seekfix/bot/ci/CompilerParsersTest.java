package dev.seekfix.bot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompilerParsersTest {

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static CompileError only(List<FailureFact> facts) {
        assertThat(facts).hasSize(1);
        return (CompileError) facts.getFirst();
    }

    @Test
    void readsMavenCompilerErrorsWithTheirSymbolLines() {
        List<FailureFact> facts = new JavacParser().parse(lines("""
                [INFO] Compiling 3 source files with javac [debug target 21] to target/classes
                [ERROR] COMPILATION ERROR :\s
                [ERROR] /home/runner/work/greeter/greeter/src/main/java/com/acme/Greeter.java:[12,16] cannot find symbol
                  symbol:   variable nme
                  location: class com.acme.Greeter
                [WARNING] /home/runner/work/greeter/greeter/src/main/java/com/acme/Old.java:[3,5] deprecated
                [INFO] 1 error
                """));
        CompileError error = only(facts);
        assertThat(error.location()).isEqualTo(new SourceLocation("src/main/java/com/acme/Greeter.java", 12, 16));
        assertThat(error.message()).isEqualTo("cannot find symbol\nsymbol: variable nme\nlocation: class com.acme.Greeter");
        assertThat(error.tool()).isEqualTo("javac");
    }

    @Test
    void readsPlainJavacErrorsWithTheCaretColumn() {
        List<FailureFact> facts = new JavacParser().parse(lines("""
                > Task :app:compileJava FAILED
                /home/runner/work/demo/demo/app/src/main/java/demo/App.java:8: error: cannot find symbol
                        return greting;
                               ^
                  symbol:   variable greting
                  location: class App
                1 error
                """));
        CompileError error = only(facts);
        assertThat(error.location()).isEqualTo(new SourceLocation("app/src/main/java/demo/App.java", 8, 16));
        assertThat(error.message()).startsWith("cannot find symbol\nsymbol: variable greting");
    }

    @Test
    void readsKotlinErrorsFromGradleAndMaven() {
        List<FailureFact> facts = new KotlincParser().parse(lines("""
                > Task :app:compileKotlin FAILED
                e: file:///home/runner/work/demo/demo/app/src/main/kotlin/demo/App.kt:5:13 Unresolved reference 'greting'.
                [ERROR] /home/runner/work/demo/demo/src/main/kotlin/Main.kt: (3, 9) Type mismatch: inferred type is String but Int was expected
                """));
        assertThat(facts).extracting(f -> ((CompileError) f).location().toString())
                .containsExactly("app/src/main/kotlin/demo/App.kt:5:13", "src/main/kotlin/Main.kt:3:9");
    }

    @Test
    void readsTscPlainAndPrettyErrors() {
        List<FailureFact> facts = new TscParser().parse(lines("""
                src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.
                src/b.ts(10,1): error TS2345: Argument of type '{ id: string; }' is not assignable to parameter of type 'User'.
                  Property 'name' is missing in type '{ id: string; }' but required in type 'User'.
                src/c.tsx:4:12 - error TS2304: Cannot find name 'Foo'.

                4   return <Foo />;
                             ~~~
                Found 3 errors in 3 files.
                """));
        assertThat(facts).hasSize(3);
        CompileError first = (CompileError) facts.get(0);
        assertThat(first.code()).isEqualTo("TS2322");
        assertThat(first.location()).isEqualTo(new SourceLocation("src/a.ts", 3, 7));
        assertThat(((CompileError) facts.get(1)).message()).contains("\nProperty 'name' is missing");
        assertThat(((CompileError) facts.get(2)).location()).isEqualTo(new SourceLocation("src/c.tsx", 4, 12));
    }

    @Test
    void readsRustcErrorsWithTheirArrowLocation() {
        List<FailureFact> facts = new RustcParser().parse(lines("""
                   Compiling demo v0.1.0 (/home/runner/work/demo/demo)
                error[E0308]: mismatched types
                 --> src/main.rs:4:18
                  |
                4 |     let x: i32 = "hello";
                  |            ---   ^^^^^^^ expected `i32`, found `&str`
                  |            |
                  |            expected due to this

                error[E0425]: cannot find value `y` in this scope
                 --> src/lib.rs:10:5
                   |
                10 |     y + 1
                   |     ^ not found in this scope

                warning: unused variable: `z`
                 --> src/lib.rs:2:9
                error: could not compile `demo` (bin "demo") due to 2 previous errors
                """));
        assertThat(facts).hasSize(2);
        CompileError first = (CompileError) facts.getFirst();
        assertThat(first.code()).isEqualTo("E0308");
        assertThat(first.message()).isEqualTo("mismatched types");
        assertThat(first.location()).isEqualTo(new SourceLocation("src/main.rs", 4, 18));
        assertThat(((CompileError) facts.get(1)).location().path()).isEqualTo("src/lib.rs");
    }

    @Test
    void readsGoBuildErrorsButNotGoTestMessages() {
        List<FailureFact> facts = new GoBuildParser().parse(lines("""
                # example.com/demo
                ./main.go:5:2: undefined: x
                ./util/strings.go:12:9: cannot use n (variable of type int) as string value in return statement
                --- FAIL: TestAdd (0.00s)
                    calc_test.go:12: Add(2, 2) = 5; want 4
                """));
        assertThat(facts).extracting(f -> ((CompileError) f).headline())
                .containsExactly("main.go:5:2 undefined: x",
                        "util/strings.go:12:9 cannot use n (variable of type int) as string value in return statement");
    }

    @Test
    void readsGccAndClangErrorsButNotWarnings() {
        List<FailureFact> facts = new CcParser().parse(lines("""
                a.c: In function 'main':
                a.c:3:5: error: 'x' undeclared (first use in this function)
                    3 |     x = 1;
                      |     ^
                src/util.cpp:10:3: warning: unused variable 'y' [-Wunused-variable]
                src/net.cpp:1:10: fatal error: curl/curl.h: No such file or directory
                src/io.c:7:12: error: use of undeclared identifier 'buf'
                """));
        assertThat(facts).extracting(f -> ((CompileError) f).location().toString())
                .containsExactly("a.c:3:5", "src/net.cpp:1:10", "src/io.c:7:12");
        assertThat(((CompileError) facts.get(1)).message()).isEqualTo("curl/curl.h: No such file or directory");
    }

    @Test
    void readsMypyAsTypeErrorsAndRuffAsLintErrors() {
        List<FailureFact> facts = new PythonCheckParser().parse(lines("""
                src/app.py:12: error: Incompatible return value type (got "int", expected "str")  [return-value]
                src/app.py:3:1: F401 [*] `os` imported but unused
                src/app.py:4:1: E402 Module level import not at top of file
                Found 1 error in 1 file (checked 4 source files)
                """));
        assertThat(facts).hasSize(3);
        assertThat(facts.getFirst()).isInstanceOfSatisfying(CompileError.class,
                e -> assertThat(e.code()).isEqualTo("return-value"));
        assertThat(facts.get(2)).isInstanceOfSatisfying(LintError.class,
                e -> assertThat(e.rule()).isEqualTo("E402"));
    }

    @Test
    void readsEslintStylishAndUnixErrorsAndSkipsWarnings() {
        List<FailureFact> facts = new EslintParser().parse(lines("""

                /home/runner/work/web/web/src/index.js
                   3:7   error    'unused' is assigned a value but never used  no-unused-vars
                  10:1   warning  Unexpected console statement                  no-console
                  12:15  error    Missing semicolon                             semi

                ✖ 3 problems (2 errors, 1 warning)
                src/other.js:4:1: Unexpected var, use let or const instead. [Error/no-var]
                src/other.js:5:1: Unexpected console statement. [Warning/no-console]
                """));
        assertThat(facts).extracting(FailureFact::headline).containsExactly(
                "src/index.js:3:7 'unused' is assigned a value but never used (no-unused-vars)",
                "src/index.js:12:15 Missing semicolon (semi)",
                "src/other.js:4:1 Unexpected var, use let or const instead. (no-var)");
    }

    @Test
    void relativizesRunnerWorkspacesOfEveryPlatform() {
        assertThat(WorkspacePaths.relativize("/home/runner/work/r/r/src/A.java")).isEqualTo("src/A.java");
        assertThat(WorkspacePaths.relativize("D:\\a\\r\\r\\src\\A.java")).isEqualTo("src/A.java");
        assertThat(WorkspacePaths.relativize("/__w/r/r/src/A.java")).isEqualTo("src/A.java");
        assertThat(WorkspacePaths.relativize("/opt/actions-runner/_work/r/r/src/A.java")).isEqualTo("src/A.java");
        assertThat(WorkspacePaths.relativize("file:///Users/runner/work/r/r/A.kt")).isEqualTo("A.kt");
        assertThat(WorkspacePaths.relativize("./main.go")).isEqualTo("main.go");
        assertThat(WorkspacePaths.relativize("/srv/build/src/A.java")).isEqualTo("/srv/build/src/A.java");
    }
}
