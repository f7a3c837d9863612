package org.storelink.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReportsTest {

    @Test
    void meanBodySizeOfAConsumerExport() {
        String export = """
                <?xml version="1.0"?>
                <messages>
                   <message id="1" type="text"><properties/>
                      <body>
                         <![CDATA[{"a":"0123456789"}]]>
                      </body>
                   </message>
                   <message id="2" type="text"><properties/>
                      <body>
                         <![CDATA[{"a":"01234567890123456789"}]]>
                      </body>
                   </message>
                </messages>
                """;
        assertThat(Reports.messageSize(export)).isEqualTo("message_size=23 messages=2 min=18 max=28");
    }

    @Test
    void rateOfCompletedSendsOverTheMeasuredIntervals() throws Exception {
        String json = """
                [
                {"sampleType":"interval","warmup":true,"time":1000,"sent":50,"completed":50,"received":40},
                {"sampleType":"interval","warmup":false,"time":2000,"sent":100,"completed":100,"received":90},
                {"sampleType":"interval","warmup":false,"time":3000,"sent":100,"completed":100,"received":100},
                {"sampleType":"summary","time":3500,"result":"success","totalSent":300,"totalCompleted":300,
                 "totalReceived":300,"totalSendTime":{"mean":"1.0","50":700,"99":9000}}
                ]
                """;
        assertThat(Reports.perf(new ObjectMapper().readTree(json)))
                .startsWith("broker_msgs_per_s=100.0 received_per_s=100.0 intervals=2 completed=250 run_s=2.50"
                        + " run_msgs_per_s=100.0")
                .endsWith("total_completed=300 send_p50_us=700 send_p99_us=9000");
    }
}
