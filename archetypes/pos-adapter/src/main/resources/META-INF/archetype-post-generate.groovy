// Runs after the project is generated. In batch mode (-B) the archetype plugin does not apply the descriptor's
// validationRegex, and a name that is not a Java identifier would give a project that does not compile: say so here.
def properties = request.properties
def problems = []
if (!(properties.getProperty('formatName') ==~ /[a-z][a-z0-9]{0,29}/)) {
    problems << "formatName \"${properties.getProperty('formatName')}\" must be 1-30 lowercase letters and digits," +
            ' starting with a letter, such as acme'
}
if (!(properties.getProperty('formatClass') ==~ /[A-Z][A-Za-z0-9]*/)) {
    problems << "formatClass \"${properties.getProperty('formatClass')}\" must be a Java class name starting" +
            ' with a capital letter, such as Acme'
}
if (properties.getProperty('formatDescription') =~ /["\\<>&]/) {
    problems << 'formatDescription must not contain ", \\, <, > or &'
}
if (problems) {
    def project = new File(request.outputDirectory, request.artifactId)
    throw new IllegalArgumentException(problems.join('; ') + ". Remove ${project} and generate again.")
}
