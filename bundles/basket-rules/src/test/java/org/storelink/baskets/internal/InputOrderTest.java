package org.storelink.baskets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class InputOrderTest {

    @Test
    void followsTheBasketsWhereTheyAgree() {
        // ids by first appearance: 0 1 2 3; baskets say 3 < 0, 0 < 1, 1 < 2
        int[] pool = {3, 0, 0, 1, 1, 2};
        int[] start = {0, 2, 4, 6};
        int[] rankOfId = {0, 1, 2, 3};
        int[] position = InputOrder.positions(pool, start, 3, rankOfId, 4);
        assertThat(position[3]).isLessThan(position[0]);
        assertThat(position[0]).isLessThan(position[1]);
        assertThat(position[1]).isLessThan(position[2]);
    }

    @Test
    void breaksDisagreementsInFavourOfTheItemSeenFirst() {
        // 0 < 1 and 1 < 0: a cycle
        int[] pool = {0, 1, 1, 0};
        int[] start = {0, 2, 4};
        int[] position = InputOrder.positions(pool, start, 2, new int[] {1, 0}, 2);
        // rank 1 is id 0, seen first
        assertThat(position[1]).isEqualTo(0);
        assertThat(position[0]).isEqualTo(1);
    }

    @Test
    void leavesOutItemsThatAreNotFrequent() {
        // id 1 is not frequent: 0 < 1 < 2 still puts 0 before 2
        int[] pool = {2, 0, 1, 2};
        int[] start = {0, 1, 4};
        int[] position = InputOrder.positions(pool, start, 2, new int[] {1, -1, 0}, 2);
        assertThat(position[1]).isLessThan(position[0]);
    }

    @Test
    void matrixAndEdgeListAgree() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            int ids = 1 + random.nextInt(30);
            int[] rankOfId = new int[ids];
            int ranks = 0;
            for (int id = 0; id < ids; id++) {
                rankOfId[id] = random.nextInt(4) == 0 ? -1 : ranks++;
            }
            int baskets = random.nextInt(40);
            int[] start = new int[baskets + 1];
            List<Integer> pool = new ArrayList<>();
            boolean consistent = random.nextBoolean();
            for (int b = 0; b < baskets; b++) {
                List<Integer> basket = new ArrayList<>();
                for (int id = 0; id < ids; id++) {
                    if (random.nextInt(3) == 0) {
                        basket.add(id);
                    }
                }
                if (!consistent) {
                    Collections.shuffle(basket, random);
                }
                pool.addAll(basket);
                start[b + 1] = pool.size();
            }
            int[] items = pool.stream().mapToInt(Integer::intValue).toArray();
            int[] matrix = InputOrder.positionsWithMatrix(items, start, baskets, rankOfId, ranks);
            assertThat(InputOrder.positionsWithEdgeList(items, start, baskets, rankOfId, ranks)).isEqualTo(matrix);
            if (consistent) {
                // every basket lists ids in ascending order, so the frequent ids keep that order
                for (int id = 1; id < ids; id++) {
                    for (int other = 0; other < id; other++) {
                        if (rankOfId[id] >= 0 && rankOfId[other] >= 0) {
                            assertThat(matrix[rankOfId[other]]).isLessThan(matrix[rankOfId[id]]);
                        }
                    }
                }
            }
        }
    }
}
