<#import "common.ftl" as c>
新职业申报审核结果<#if title?has_content>（${title}）</#if>
<@c.header "新职业申报审核结果通知"/>

您申报的新职业建议书（受理编号 ${reference}<#if title?has_content>，${title}</#if>）目前的审核结果为：${statusLabel}。

（请在此补充说明审核意见及后续安排。）

感谢您对新职业信息征集工作的支持。

<@c.contact/>
