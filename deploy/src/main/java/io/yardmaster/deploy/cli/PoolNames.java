package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.model.topic.Topics;

/** Checks pool names given on the command line. */
final class PoolNames {
  private PoolNames() {}

  static String check(String pool) {
    try {
      return Topics.checkPoolName(pool);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--pool: " + e.getMessage(), e);
    }
  }
}
