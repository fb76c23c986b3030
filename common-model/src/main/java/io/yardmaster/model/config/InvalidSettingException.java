package io.yardmaster.model.config;

import io.yardmaster.model.YardmasterException;

/** A setting has a value that cannot work; the message names the setting and how to fix it. */
public final class InvalidSettingException extends YardmasterException {
  private final String setting;

  public InvalidSettingException(String setting, String problem) {
    super(setting + " " + problem);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }
}
