package io.weft.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.avro.specific.AvroGenerated;
import java.io.ObjectInput;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * No production class uses Java serialization: records, RPC messages, plans and metadata travel as Avro or Weft's
 * own serializers, so that no byte stream from a peer can instantiate arbitrary classes.
 *
 * <p>Throwables and enums are left out of the {@link Serializable} rule: the JDK makes every one of them
 * serializable, and Weft sends neither that way (failures travel as Avro messages with class name, message and
 * stack trace as text). The classes that Avro generates from Weft's schemas are left out of both rules: Avro makes
 * them {@link java.io.Externalizable} for hosts that need it, and encodes them with their Avro schema even there;
 * Weft writes them with Avro's binary encoders only.
 */
@AnalyzeClasses(packages = "io.weft", importOptions = ImportOption.DoNotIncludeTests.class)
class NoJavaSerializationTest {
    @ArchTest
    static final ArchRule NO_SERIALIZABLE_TYPES = noClasses()
            .that().areNotAssignableTo(Throwable.class).and().areNotEnums()
            .and().areNotAnnotatedWith(AvroGenerated.class)
            .should().beAssignableTo(Serializable.class)
            .because("no Java serialization for records, RPC or metadata (ARCHITECTURE.md: Wire formats and trust):"
                    + " a Weft type travels through a TypeSerializer or an Avro schema");

    @ArchTest
    static final ArchRule NO_OBJECT_STREAMS = noClasses()
            .that().areNotAnnotatedWith(AvroGenerated.class)
            .should().dependOnClassesThat().areAssignableTo(ObjectOutput.class)
            .orShould().dependOnClassesThat().areAssignableTo(ObjectInput.class)
            // by name too: the import may know a JDK class by its name only, without its interfaces
            .orShould().dependOnClassesThat().haveFullyQualifiedName(ObjectOutputStream.class.getName())
            .orShould().dependOnClassesThat().haveFullyQualifiedName(ObjectInputStream.class.getName())
            .orShould().dependOnClassesThat().haveSimpleName("SerializationUtils")
            .orShould().dependOnClassesThat().resideInAPackage("io.netty.handler.codec.serialization..")
            .because("Java's object streams, and the helpers built on them, deserialize whatever class a peer names");
}
